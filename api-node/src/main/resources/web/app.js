// Flock's web client: plain JavaScript over the REST API v1 on the same origin, no build step.
// The session (id, handle, token) lives in localStorage; views are picked by the URL's hash:
// #/ the home feed, #/u/<handle> a profile, #/t/<id> a tweet's thread. Every text from the API goes into the page as text, never as HTML.

const MAX_CHARS = 280;
const MAX_MEDIA = 4;
const PAGE = 20;
// How often the home feed asks for newer tweets while the tab is visible: one cheap read (sinceId) per reader per
// 20 s. A test shortens it through localStorage's flock.pollMs.
const NEW_TWEETS_POLL_MS = Number(localStorage.getItem('flock.pollMs')) || 20000;
const SESSION_KEY = 'flock.session';

const $ = (id) => document.getElementById(id);

class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.title = problem.title || '';
    this.retryAfter = retryAfter;
  }
}

async function api(method, path, { token, json, body, contentType, idempotencyKey } = {}) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (contentType) {
    headers['Content-Type'] = contentType;
  }
  let response;
  try {
    response = await fetch(`/api/v1${path}`, { method, headers, body });
  } catch (e) {
    throw new ApiError(0, { detail: 'Flock cannot be reached. Check your connection and try again.' });
  }
  if (response.status === 204) return null;
  const text = await response.text();
  const data = text ? safeJson(text) : {};
  if (!response.ok) throw new ApiError(response.status, data, response.headers.get('Retry-After'));
  return data;
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return { detail: text.slice(0, 200) };
  }
}

// ---- messages ----------------------------------------------------------------------------------------------------

function explain(error) {
  if (!(error instanceof ApiError)) return `Something went wrong: ${error.message}`;
  const wait = error.retryAfter ? ` Try again in ${error.retryAfter} s.` : ' Try again shortly.';
  switch (error.status) {
    case 0: return error.message;
    case 401: return 'Your session is no longer valid. Please sign in again.';
    case 403: return `Not allowed: ${error.message}`;
    case 413: return `Too large: ${error.message}`;
    case 415: return `Unsupported file: ${error.message}`;
    case 429: return `You are doing that too often.${wait}`;
    case 503: return `Flock is briefly unavailable (${error.message}).${wait}`;
    default:
      return error.status >= 500 ? `Flock had a problem on its side (${error.status}).${wait}` : error.message;
  }
}

function notify(text, kind = 'error') {
  $('notice-text').textContent = text;
  $('notice').className = kind === 'error' ? '' : 'info';
  $('notice').hidden = false;
}

function fail(error) {
  notify(explain(error));
  if (error instanceof ApiError && error.status === 401) signOut();
}

$('notice-close').addEventListener('click', () => { $('notice').hidden = true; });

// ---- session -----------------------------------------------------------------------------------------------------

let session = readSession();

function readSession() {
  try {
    return JSON.parse(localStorage.getItem(SESSION_KEY));
  } catch (e) {
    return null;
  }
}

function signIn(user, token) {
  session = { id: user.id, handle: user.handle, token };
  localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  goHome();
  watchUnread();
}

function signOut() {
  localStorage.removeItem(SESSION_KEY);
  session = null;
  goHome();
  watchUnread();
}

/** Shows the home view once: a changed hash renders through its event, an unchanged one here. */
function goHome() {
  if (location.hash === '#/') render();
  else location.hash = '#/';
}

$('sign-out').addEventListener('click', signOut);

$('sign-up').addEventListener('submit', async (event) => {
  event.preventDefault();
  const handle = $('sign-up-handle').value.trim();
  const displayName = $('sign-up-name').value.trim();
  if (!/^[A-Za-z0-9_]{1,15}$/.test(handle)) return notify('A handle is 1 to 15 letters, digits or underscores.');
  if (!displayName) return notify('Please give a display name.');
  try {
    const created = await api('POST', '/users', { json: { handle, displayName } });
    signIn(created, created.token);
    notify(`Welcome, ${created.displayName}! Keep your token to sign in elsewhere: ${created.token}`, 'info');
  } catch (error) {
    fail(error);
  }
});

$('sign-in').addEventListener('submit', async (event) => {
  event.preventDefault();
  const handle = $('sign-in-handle').value.trim();
  const token = $('sign-in-token').value.trim();
  if (!handle || !token) return notify('Please give both your handle and your token.');
  try {
    const user = await api('GET', `/users/by-handle/${encodeURIComponent(handle)}`);
    // The token is checked by the grid on the first write; a timeline read proves it now.
    await api('GET', `/users/${user.id}/timeline?limit=1`, { token });
    signIn(user, token);
  } catch (error) {
    if (error.status === 401 || error.status === 403) return notify(`That token does not belong to @${handle}.`);
    fail(error);
  }
});

// ---- tweets ------------------------------------------------------------------------------------------------------

function ago(iso) {
  const seconds = Math.max(0, (Date.now() - Date.parse(iso)) / 1000);
  if (seconds < 60) return 'now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h`;
  return new Date(iso).toLocaleDateString();
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value);
  }
  children.forEach((child) => child && node.append(child));
  return node;
}

/** A round badge with a person's initials, its colour drawn from the handle so a person keeps theirs everywhere. */
function avatar(displayName, handle, size = '') {
  const initials = displayName.split(/\s+/).filter(Boolean).slice(0, 2).map((word) => [...word][0]).join('')
    .toUpperCase();
  let hash = 0;
  for (const c of handle.toLowerCase()) hash = (hash * 31 + c.codePointAt(0)) >>> 0;
  const badge = element('span', { class: `avatar ${size}`.trim(), 'aria-hidden': 'true', text: initials || '?' });
  badge.style.setProperty('--hue', String(hash % 360)); // CSSOM, which the page's CSP allows (no inline styles)
  return badge;
}

/**
 * One tweet of a list. A repost shows its original, with who reposted it above; the item keeps the repost's id, the
 * list's cursor.
 */
function tweetItem(tweet) {
  if (tweet.repostOf) {
    const item = tweetItem(tweet.repostOf);
    item.dataset.id = tweet.id;
    const by = tweet.author ? tweet.author.displayName : 'someone';
    item.querySelector('.body').prepend(element('p', { class: 'reposted-by', text: `\u21BB Reposted by ${by}` }));
    return item;
  }
  const profile = `#/u/${encodeURIComponent(tweet.author.handle)}`;
  const header = element('header', {},
    element('a', { class: 'name', href: profile, text: tweet.author.displayName }),
    element('a', { class: 'handle', href: profile, text: `@${tweet.author.handle}` }),
    element('a', { class: 'permalink', href: `#/t/${tweet.id}`, 'aria-label': `Thread of this tweet, posted ${ago(tweet.createdAt)}` },
      element('time', { datetime: tweet.createdAt, title: tweet.createdAt, text: ago(tweet.createdAt) })));
  if (session && tweet.authorId === session.id) {
    const remove = element('button', { type: 'button', class: 'delete', text: 'Delete',
      'aria-label': `Delete your tweet: ${tweet.text.slice(0, 40)}` });
    remove.addEventListener('click', () => deleteTweet(tweet.id));
    header.append(remove);
  }
  const media = tweet.media && tweet.media.length ? element('div', { class: 'media' }) : null;
  (tweet.media || []).forEach((item) => {
    media.append(item.contentType.startsWith('video/')
      ? element('video', { src: item.url, controls: '', preload: 'metadata' })
      : element('img', { src: item.url, alt: `Picture attached by @${tweet.author.handle}`, loading: 'lazy' }));
  });
  return element('li', { class: 'tweet', 'data-id': tweet.id },
    element('article', { 'aria-label': `Tweet by ${tweet.author.displayName}` },
      avatar(tweet.author.displayName, tweet.author.handle),
      element('div', { class: 'body' }, header, inReplyTo(tweet), richText(tweet), media,
        quoted(tweet),
        element('footer', { class: 'actions' }, replyButton(tweet), repostButton(tweet), likeButton(tweet)))));
}

/**
 * The text with its mentions linked to their profiles, its links to where they lead and its hashtags marked. The API's
 * offsets count code points, as spreading the string into an array does.
 */
function richText(tweet) {
  const paragraph = element('p');
  const points = [...tweet.text];
  const entities = tweet.entities || {};
  const spans = [
    ...(entities.mentions || []).map((m) => ({ ...m, link: `#/u/${encodeURIComponent(m.handle)}` })),
    ...(entities.urls || []).map((u) => ({ ...u, link: u.url, external: true })),
    ...(entities.hashtags || []).map((h) => ({ ...h, tag: true })),
  ].sort((a, b) => a.start - b.start);
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    paragraph.append(points.slice(at, span.start).join(''));
    const text = points.slice(span.start, span.end).join('');
    paragraph.append(span.tag
      ? element('span', { class: 'hashtag', text })
      : element('a', span.external
        ? { href: span.link, text, rel: 'noopener noreferrer nofollow ugc', target: '_blank' }
        : { href: span.link, text }));
    at = span.end;
  }
  paragraph.append(points.slice(at).join(''));
  return paragraph;
}

/** On a quote: the quoted tweet, small, linking to its thread; or a note that it is gone. */
function quoted(tweet) {
  if (!('quoteOf' in tweet)) return null;
  if (tweet.quoteOf === null) return element('blockquote', { class: 'quoted gone', text: 'The quoted tweet was deleted.' });
  const inner = tweet.quoteOf;
  return element('blockquote', { class: 'quoted' },
    element('a', { href: `#/t/${inner.id}`, class: 'quoted-link',
      'aria-label': `Quoted tweet by ${inner.author ? inner.author.displayName : 'someone'}` },
      element('strong', { text: inner.author ? inner.author.displayName : '' }),
      element('span', { class: 'handle', text: inner.author ? ` @${inner.author.handle}` : '' })),
    element('p', { text: inner.text }));
}

/**
 * A toggle with a count (like, repost): it changes at once (optimistic) and goes back, with a message, if the API
 * refuses; signed out it only shows the count.
 */
function toggleButton({ kind, on, count, symbols, words, path }) {
  const button = element('button', { type: 'button', class: kind });
  const show = () => {
    button.textContent = `${on ? symbols[1] : symbols[0]} ${count}`;
    button.setAttribute('aria-pressed', String(on));
    const noun = count === 1 ? words.one : words.many;
    button.setAttribute('aria-label', `${on ? words.undo : words.verb}: ${count} ${noun}`);
  };
  show();
  if (!session) {
    button.disabled = true;
    return button;
  }
  button.addEventListener('click', async () => {
    const before = { on, count };
    on = !on;
    count += on ? 1 : -1;
    show();
    button.disabled = true;
    try {
      await api(on ? 'PUT' : 'DELETE', path, { token: session.token });
    } catch (error) {
      ({ on, count } = before);
      show();
      fail(error);
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

function repostButton(tweet) {
  return toggleButton({ kind: 'repost', on: Boolean(tweet.viewer && tweet.viewer.reposted),
    count: (tweet.counts && tweet.counts.reposts) || 0, symbols: ['\u21BB', '\u21BB'],
    words: { verb: 'Repost', undo: 'Undo repost', one: 'repost', many: 'reposts' }, path: `/tweets/${tweet.id}/repost` });
}

/** On a reply: a link to the tweet it answers (which may have been deleted since: the thread says so). */
function inReplyTo(tweet) {
  if (!tweet.inReplyTo) return null;
  return element('a', { class: 'in-reply-to', href: `#/t/${tweet.inReplyTo.tweetId}`, text: 'Replying to a tweet' });
}

/** The tweet's reply count; it opens the thread, where the reply box is. */
function replyButton(tweet) {
  const replies = (tweet.counts && tweet.counts.replies) || 0;
  return element('a', { class: 'reply', href: `#/t/${tweet.id}`,
    'aria-label': `Reply: ${replies} repl${replies === 1 ? 'y' : 'ies'}`, text: `\u21A9 ${replies}` }); // an arrow every font has, unlike an emoji
}

/** The like button with the tweet's count (a toggle: see above). */
function likeButton(tweet) {
  return toggleButton({ kind: 'like', on: Boolean(tweet.viewer && tweet.viewer.liked),
    count: (tweet.counts && tweet.counts.likes) || 0, symbols: ['\u2661', '\u2665'],
    words: { verb: 'Like', undo: 'Unlike', one: 'like', many: 'likes' }, path: `/tweets/${tweet.id}/like` });
}

async function deleteTweet(id) {
  if (!confirm('Delete this tweet? It leaves every feed.')) return;
  try {
    await api('DELETE', `/tweets/${id}`, { token: session.token });
    document.querySelectorAll(`.tweet[data-id="${id}"]`).forEach((node) => node.remove());
    notify('Tweet deleted.', 'info');
  } catch (error) {
    fail(error);
  }
}

/** A list of tweets that pages down on the API's cursors as its end comes into view. */
class Feed {
  constructor(list, end, path, { empty = 'No tweets yet.', done = 'You are all caught up.', item = tweetItem,
    loaded = () => {} } = {}) {
    this.list = list;
    this.item = item;
    this.loaded = loaded;
    this.end = end;
    this.path = path;
    this.emptyText = empty;
    this.doneText = done;
    this.nextMaxId = undefined;
    this.newestId = null;
    this.loading = false;
    this.done = false;
    this.list.replaceChildren();
    this.end.textContent = '';
    // An observation may arrive after the page it was made before (the end was in view while the list was empty):
    // the end is looked at again, or a second page would load under the first unasked.
    this.observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting) && isVisible(this.end)) this.more();
    });
    this.observer.observe(this.end);
  }

  stop() {
    this.observer.disconnect();
    this.done = true;
    this.stopped = true;
  }

  async more() {
    if (this.loading || this.done) return;
    this.loading = true;
    this.end.textContent = 'Loading…';
    try {
      const cursor = this.nextMaxId ? `&maxId=${this.nextMaxId}` : '';
      const page = await api('GET', `${this.path}?limit=${PAGE}${cursor}`, { token: session && session.token });
      if (this.stopped) return; // another view took the list while this page was on its way
      page.items.forEach((entry) => this.list.append(this.item(entry)));
      if (this.newestId === null && page.items.length) this.newestId = page.items[0].id;
      this.loaded(page);
      this.nextMaxId = page.nextMaxId;
      this.done = !page.nextMaxId;
      this.end.textContent = this.done ? (this.list.children.length ? this.doneText : this.emptyText) : '';
    } catch (error) {
      this.end.textContent = '';
      fail(error);
    } finally {
      this.loading = false;
    }
    // A short page may leave the end in view: keep loading until it scrolls out or the feed ends.
    if (!this.done && !this.stopped && isVisible(this.end)) this.more();
  }

  /** Newer tweets than the newest shown (all of the newest, for a feed still empty), newest first, at most 100. */
  async newer() {
    if (this.loading) return [];
    const since = this.newestId === null ? '' : `&sinceId=${this.newestId}`;
    const page = await api('GET', `${this.path}?limit=100${since}`, { token: session.token });
    return page.items;
  }

  prepend(tweets) {
    const shown = new Set([...this.list.children].map((node) => node.dataset.id));
    [...tweets].reverse().filter((tweet) => !shown.has(tweet.id))
      .forEach((tweet) => this.list.prepend(tweetItem(tweet)));
    if (tweets.length) this.newestId = tweets[0].id;
    if (this.end.textContent === this.emptyText) this.end.textContent = this.doneText;
  }
}

function isVisible(node) {
  const box = node.getBoundingClientRect();
  return box.top < window.innerHeight && box.bottom >= 0;
}

// ---- home: compose and feed --------------------------------------------------------------------------------------

let homeFeed = null;
let pending = [];
let poller = null;
const attached = []; // {id, url, kind} of uploaded media, or {uploading: true}

function charactersOf(text) {
  return [...text.normalize('NFC')].length;
}

function updateCompose() {
  const left = MAX_CHARS - charactersOf($('compose-text').value);
  const count = $('compose-count');
  count.textContent = String(left);
  count.className = left < 0 ? 'count over' : left <= 20 ? 'count warn' : 'count';
  count.setAttribute('aria-label', left < 0 ? `${-left} characters too many` : `${left} characters left`);
  const uploading = attached.some((item) => item.uploading);
  const empty = $('compose-text').value.trim() === '';
  $('compose-post').disabled = empty || left < 0 || uploading;
}

// The draft's Idempotency-Key: the same on every attempt to post it, so that pressing Post again after a refusal
// (a 503 may come after the tweet was stored) does not post it twice; a new one once it is posted or edited.
let draftKey = null;

function newDraftKey() {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

$('compose-text').addEventListener('input', () => {
  draftKey = null;
  updateCompose();
});

$('compose-media').addEventListener('change', async (event) => {
  const files = [...event.target.files];
  event.target.value = '';
  for (const file of files) {
    if (attached.length >= MAX_MEDIA) {
      notify(`A tweet carries at most ${MAX_MEDIA} pictures or videos.`);
      break;
    }
    const item = { uploading: true, url: URL.createObjectURL(file), kind: file.type, name: file.name };
    attached.push(item);
    renderPreviews();
    try {
      const media = await api('POST', '/media', { token: session.token, body: file, contentType: file.type });
      item.id = media.id;
      item.uploading = false;
    } catch (error) {
      attached.splice(attached.indexOf(item), 1);
      fail(error);
    }
    renderPreviews();
  }
});

function renderPreviews() {
  const previews = $('compose-previews');
  previews.replaceChildren(...attached.map((item) => {
    const shown = item.kind.startsWith('video/')
      ? element('video', { src: item.url, muted: '', 'aria-label': `Video ${item.name}` })
      : element('img', { src: item.url, alt: `Preview of ${item.name}${item.uploading ? ' (uploading)' : ''}` });
    const remove = element('button', { type: 'button', text: '✕', 'aria-label': `Remove ${item.name}` });
    remove.addEventListener('click', () => {
      attached.splice(attached.indexOf(item), 1);
      renderPreviews();
    });
    return element('div', { class: 'preview' }, shown, remove);
  }));
  updateCompose();
}

$('compose').addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = $('compose-text').value;
  $('compose-post').disabled = true;
  try {
    const mediaIds = attached.map((item) => item.id);
    draftKey ??= newDraftKey();
    const tweet = await api('POST', '/tweets', { token: session.token, json: { text, mediaIds }, idempotencyKey: draftKey });
    draftKey = null;
    $('compose-text').value = '';
    attached.length = 0;
    renderPreviews();
    homeFeed.prepend([tweet]);
  } catch (error) {
    fail(error);
  }
  updateCompose();
});

$('new-tweets').addEventListener('click', () => {
  homeFeed.prepend(pending);
  pending = [];
  $('new-tweets').hidden = true;
  $('home-feed').querySelector('a')?.focus();
});

async function pollNewTweets() {
  if (!homeFeed || document.hidden || streaming) return;
  try {
    addPending(await homeFeed.newer());
  } catch (error) {
    // A failed poll says nothing: the next one tries again, and a real action reports its own error.
  }
}

/** Newer tweets (newest first) wait behind the "new tweets" button, each once. */
function addPending(newer) {
  const known = new Set(pending.map((tweet) => tweet.id));
  pending = [...newer.filter((tweet) => !known.has(tweet.id)), ...pending];
  const shown = new Set([...$('home-feed').children].map((node) => node.dataset.id));
  pending = pending.filter((tweet) => !shown.has(tweet.id));
  $('new-tweets').hidden = pending.length === 0;
  $('new-tweets').textContent = `Show ${pending.length} new tweet${pending.length === 1 ? '' : 's'}`;
}

// ---- live updates: the home stream, with polling while it is down ---------------------------------------------------

const STREAM_RETRY_MS = 5000;
let stream = null; // the AbortController of the stream while the home view shows
let streaming = false;
let lastEventId = null;

/**
 * Reads GET /streaming/home with fetch (EventSource cannot send the token): new tweets join the "new tweets" button,
 * deletes leave the page, notifications update the badge. When it fails or ends, polling takes over and the stream is
 * tried again, resuming after the last event it gave.
 */
async function openStream() {
  closeStream();
  const controller = new AbortController();
  stream = controller;
  try {
    const headers = { Authorization: `Bearer ${session.token}`, Accept: 'text/event-stream' };
    if (lastEventId) headers['Last-Event-ID'] = lastEventId;
    const response = await fetch('/api/v1/streaming/home', { headers, signal: controller.signal });
    if (!response.ok) throw new Error(`the stream answered ${response.status}`);
    streaming = true;
    document.body.dataset.live = 'on';
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        onStreamEvent(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  } catch (error) {
    // Closed on purpose, or the node went away: polling covers the gap.
  }
  if (stream !== controller) return; // closed, or another stream took over
  streaming = false;
  delete document.body.dataset.live;
  setTimeout(() => { if (stream === controller) openStream(); }, STREAM_RETRY_MS);
}

function closeStream() {
  const open = stream;
  stream = null;
  streaming = false;
  delete document.body.dataset.live;
  open?.abort();
}

function onStreamEvent(block) {
  let name = 'message';
  let data = '';
  for (const line of block.split('\n')) {
    if (line.startsWith('event: ')) name = line.slice(7);
    else if (line.startsWith('id: ')) lastEventId = line.slice(4);
    else if (line.startsWith('data: ')) data += line.slice(6);
  }
  if (!data) return; // a comment: the heartbeat
  const value = JSON.parse(data);
  if (name === 'update') addPending([value]);
  else if (name === 'delete') removeTweet(value);
  else if (name === 'notification') pollUnread();
}

function removeTweet(id) {
  pending = pending.filter((tweet) => tweet.id !== id);
  addPending([]);
  $('home-feed').querySelector(`li[data-id="${id}"]`)?.remove();
}

function showHome() {
  document.title = 'Home · Flock';
  homeFeed?.stop();
  pending = [];
  $('new-tweets').hidden = true;
  homeFeed = new Feed($('home-feed'), $('home-end'), `/users/${session.id}/timeline`);
  homeFeed.more();
  clearInterval(poller);
  poller = setInterval(pollNewTweets, NEW_TWEETS_POLL_MS);
  lastEventId = null; // the page is read afresh: live from now on
  openStream();
  updateCompose();
}

// ---- notifications -----------------------------------------------------------------------------------------------

let notificationList = null;
let unreadPoller = null;

const NOTIFICATION_WORDS = {
  mention: 'mentioned you',
  reply: 'replied to your tweet',
  quote: 'quoted your tweet',
  like: 'liked your tweet',
  repost: 'reposted your tweet',
  follow: 'followed you',
};

/** "Ann, Bob and 3 others liked your tweet", with each account linked to its profile. */
function notificationItem(group) {
  const who = element('p', { class: 'who' });
  group.accounts.forEach((account, i) => {
    if (i > 0) who.append(i === group.accounts.length - 1 && group.count <= group.accounts.length ? ' and ' : ', ');
    who.append(element('a', { href: `#/u/${encodeURIComponent(account.handle)}`, text: account.displayName }));
  });
  const others = group.count - group.accounts.length;
  if (others > 0) who.append(` and ${others} other${others === 1 ? '' : 's'}`);
  who.append(` ${NOTIFICATION_WORDS[group.type]} `,
    element('time', { datetime: group.latestAt, title: group.latestAt, text: ago(group.latestAt) }));
  const tweet = group.tweet
    ? element('blockquote', { class: 'quoted' },
      element('a', { href: `#/t/${group.tweet.id}`, class: 'quoted-link', text: group.tweet.text || 'a repost' }))
    : null;
  return element('li', { class: `notification ${group.type}`, 'data-id': group.id, 'data-type': group.type },
    who, tweet);
}

async function showNotifications() {
  clearInterval(poller);
  homeFeed?.stop();
  notificationList?.stop();
  document.title = 'Notifications · Flock';
  // The groups above the read marker are the newest ones: that many of the first page are marked new.
  const unread = (await api('GET', '/notifications/unread', { token: session.token }).catch(() => ({ count: 0 }))).count;
  notificationList = new Feed($('notifications-list'), $('notifications-end'), '/notifications', {
    empty: 'Nothing yet: mentions, replies, likes, reposts and follows show here.',
    done: 'That is all.',
    item: notificationItem,
    loaded: (page) => {
      if (notificationList.list.children.length === page.items.length && page.items.length) {
        [...notificationList.list.children].slice(0, unread).forEach((item) => item.classList.add('unread'));
        markRead(page.items[0].id); // the newest is on screen: everything up to it is read
      }
    },
  });
  notificationList.more();
}

async function markRead(upToId) {
  try {
    const read = await api('POST', '/notifications/read', { token: session.token, json: { upToId } });
    showUnread(read.unread);
  } catch (error) {
    // Nothing lost: the marker moves on the next visit.
  }
}

function showUnread(count) {
  $('unread-badge').hidden = !count;
  $('unread-badge').textContent = count ? String(count) : '';
  $('nav-notifications').setAttribute('aria-label', count ? `Notifications, ${count} unread` : 'Notifications');
}

async function pollUnread() {
  if (!session || document.hidden) return;
  try {
    showUnread((await api('GET', '/notifications/unread', { token: session.token })).count);
  } catch (error) {
    // As the feed's poll: the next one tries again.
  }
}

function watchUnread() {
  clearInterval(unreadPoller);
  if (!session) {
    showUnread(0);
    return;
  }
  pollUnread();
  unreadPoller = setInterval(pollUnread, NEW_TWEETS_POLL_MS);
}

// ---- profiles ----------------------------------------------------------------------------------------------------

let profileFeed = null;

async function showProfile(handle) {
  clearInterval(poller);
  homeFeed?.stop();
  profileFeed?.stop();
  $('profile-feed').replaceChildren();
  try {
    const user = await api('GET', `/users/by-handle/${encodeURIComponent(handle)}`);
    document.title = `@${user.handle} · Flock`;
    fillProfile(user);
    // The buttons show once they know what to say (Follow or Unfollow, ...) and what a click does.
    RELATION_BUTTONS.forEach((id) => { $(id).hidden = true; });
    if (session && user.id !== session.id) {
      const path = `/users/${session.id}/relationships?ids=${user.id}`;
      showRelation(user, (await api('GET', path, { token: session.token })).items[0]);
    }
    profileFeed = new Feed($('profile-feed'), $('profile-end'), `/users/${user.id}/tweets`);
    profileFeed.more();
  } catch (error) {
    if (error.status === 404) {
      document.title = 'Not found · Flock';
      $('profile-name').textContent = 'No such account';
      $('profile-handle').textContent = `@${handle}`;
      RELATION_BUTTONS.forEach((id) => { $(id).hidden = true; });
      return;
    }
    fail(error);
  }
}

function fillProfile(user) {
  $('profile-avatar').replaceChildren(avatar(user.displayName, user.handle, 'large'));
  $('profile-name').textContent = user.displayName;
  $('profile-handle').textContent = `@${user.handle}`;
  $('profile-followers').textContent = String(user.followers);
  $('profile-followers-word').textContent = user.followers === 1 ? 'follower' : 'followers';
  $('profile-following').textContent = String(user.following);
  $('profile-tweets').textContent = String(user.tweets);
  $('profile-tweets-word').textContent = user.tweets === 1 ? 'tweet' : 'tweets';
}

const RELATION_BUTTONS = ['profile-follow', 'profile-mute', 'profile-block'];

/**
 * Follow, Mute and Block as the signed-in user stands with the account. A block removes the follows both ways, and
 * following a blocked account needs an unblock first, so Follow hides while blocking.
 */
function showRelation(user, relation) {
  toggle($('profile-follow'), user, relation, 'following', ['Follow', 'Unfollow']);
  toggle($('profile-mute'), user, relation, 'muting', ['Mute', 'Unmute']);
  toggle($('profile-block'), user, relation, 'blocking', ['Block', 'Unblock']);
  $('profile-follow').hidden = relation.blocking;
}

function toggle(button, user, relation, name, [off, on]) {
  const set = relation[name];
  button.textContent = set ? on : off;
  button.className = set || name !== 'following' ? 'secondary' : '';
  button.setAttribute('aria-pressed', String(set));
  button.hidden = false;
  button.onclick = async () => {
    button.disabled = true;
    try {
      await api(set ? 'DELETE' : 'PUT', `/users/${session.id}/${name}/${user.id}`, { token: session.token });
      fillProfile(await api('GET', `/users/${user.id}`));
      const path = `/users/${session.id}/relationships?ids=${user.id}`;
      showRelation(user, (await api('GET', path, { token: session.token })).items[0]);
      if (!set && name !== 'following') {
        notify(name === 'blocking'
          ? `Blocked @${user.handle}: you no longer follow each other, and you will not see their tweets.`
          : `Muted @${user.handle}: their tweets stay out of your home feed until you unmute them.`, 'info');
      }
    } catch (error) {
      fail(error);
    } finally {
      button.disabled = false;
    }
  };
}

// ---- threads -----------------------------------------------------------------------------------------------------

let threadReplies = null;
let threadTweet = null;

/** A tweet with the chain it answers above it (oldest first), a reply box, and its replies below (newest first). */
async function showThread(id) {
  clearInterval(poller);
  homeFeed?.stop();
  profileFeed?.stop();
  threadReplies?.stop();
  $('thread-ancestors').replaceChildren();
  $('thread-tweet').replaceChildren();
  $('thread-replies').replaceChildren();
  $('thread-end').textContent = '';
  $('reply').hidden = !session;
  try {
    const token = session && session.token;
    const [tweet, context] = await Promise.all([
      api('GET', `/tweets/${id}`, { token }), api('GET', `/tweets/${id}/context?limit=1`, { token })]);
    threadTweet = tweet;
    document.title = `@${tweet.author.handle}: ${tweet.text.slice(0, 40)} · Flock`;
    context.ancestors.forEach((ancestor) => $('thread-ancestors').append(tweetItem(ancestor)));
    $('thread-tweet').append(tweetItem(tweet));
    $('reply-text').placeholder = `Reply to @${tweet.author.handle}`;
    threadReplies = new Feed($('thread-replies'), $('thread-end'), `/tweets/${id}/replies`,
      { empty: 'No replies yet.', done: 'That is every reply.' });
    threadReplies.more();
    updateReply();
  } catch (error) {
    if (error.status === 404) {
      document.title = 'Not found · Flock';
      $('thread-end').textContent = 'This tweet does not exist, or was deleted.';
      $('reply').hidden = true;
      return;
    }
    fail(error);
  }
}

function updateReply() {
  const left = MAX_CHARS - charactersOf($('reply-text').value);
  const count = $('reply-count');
  count.textContent = String(left);
  count.className = left < 0 ? 'count over' : left <= 20 ? 'count warn' : 'count';
  count.setAttribute('aria-label', left < 0 ? `${-left} characters too many` : `${left} characters left`);
  $('reply-post').disabled = $('reply-text').value.trim() === '' || left < 0;
  $('reply-quote').disabled = $('reply-post').disabled;
}

$('reply-text').addEventListener('input', updateReply);

// The thread's box answers the tweet (Reply) or quotes it (Quote), whichever button sent the form.
$('reply').addEventListener('submit', async (event) => {
  event.preventDefault();
  const quote = event.submitter && event.submitter.id === 'reply-quote';
  $('reply-post').disabled = true;
  $('reply-quote').disabled = true;
  try {
    const text = $('reply-text').value;
    const json = quote ? { text, quoteOfId: threadTweet.id } : { text, inReplyToId: threadTweet.id };
    const posted = await api('POST', '/tweets', { token: session.token, json });
    $('reply-text').value = '';
    // The counts follow within moments on the API; here they follow at once.
    if (quote) {
      threadTweet.counts.quotes += 1;
      notify('Quoted: your quote is on your profile and in your followers\' feeds.', 'info');
    } else {
      threadReplies.prepend([posted]);
      threadTweet.counts.replies += 1;
    }
    $('thread-tweet').replaceChildren(tweetItem(threadTweet));
  } catch (error) {
    fail(error);
  }
  updateReply();
});

// ---- routing -----------------------------------------------------------------------------------------------------

function render() {
  const route = location.hash.match(/^#\/u\/([^/]+)$/);
  const thread = location.hash.match(/^#\/t\/([0-9]+)$/);
  const signedIn = session !== null;
  const notifications = signedIn && location.hash === '#/notifications';
  const elsewhere = route !== null || thread !== null || notifications;
  $('view-welcome').hidden = signedIn || elsewhere;
  $('view-home').hidden = !signedIn || elsewhere;
  $('view-profile').hidden = route === null;
  $('view-thread').hidden = thread === null;
  $('view-notifications').hidden = !notifications;
  if (!thread) threadReplies?.stop();
  if (!notifications) notificationList?.stop();
  $('nav-home').hidden = !signedIn;
  $('nav-notifications').hidden = !signedIn;
  $('nav-profile').hidden = !signedIn;
  $('sign-out').hidden = !signedIn;
  if (signedIn) $('nav-profile').href = `#/u/${encodeURIComponent(session.handle)}`;
  if (!signedIn || elsewhere) closeStream();
  if (route) return showProfile(decodeURIComponent(route[1]));
  if (thread) return showThread(thread[1]);
  if (notifications) return showNotifications();
  if (signedIn) return showHome();
  clearInterval(poller);
  homeFeed?.stop();
  document.title = 'Flock';
}

// Feeds load as they scroll: a reload starts at the top, with the newest, not at a restored offset of a page that
// has not loaded yet.
history.scrollRestoration = 'manual';
window.addEventListener('hashchange', render);
render();
watchUnread();
