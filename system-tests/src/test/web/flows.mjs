// The web client end to end, in a real headless Chromium (Debian's) driven by playwright-core, against a real stack.
// WebClientIT starts the stack and runs: node flows.mjs <base url> <screenshot folder>
// Two people sign up, one follows the other, a tweet with a picture reaches the follower's feed through the "new
// tweets" indicator, the feed scrolls through pages, the tweet is deleted, and the API's errors (409, 429, 503) show
// as messages a person can act on. Screenshots at desktop and phone width go to the folder given.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const [base, out] = process.argv.slice(2);
if (!base || !out) {
  console.error('usage: node flows.mjs <base url> <screenshot folder>');
  process.exit(2);
}
mkdirSync(out, { recursive: true });

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const WAIT = 30_000;
const suffix = Math.random().toString(36).slice(2, 8);
const ann = { handle: `ann_${suffix}`, name: 'Ann Archer' };
const ben = { handle: `ben_${suffix}`, name: 'Ben Baker' };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  // Chromium's own background traffic is refused on a closed network; it is off, and no sandbox as root.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let failed = false;
const pages = [];

async function step(name, action) {
  const started = Date.now();
  try {
    await action();
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failed = true;
    console.log(`FAIL ${name}: ${error.stack || error}`);
    for (const [index, page] of pages.entries()) {
      const state = await page.evaluate(() => ({
        url: location.href,
        feed: document.querySelectorAll('#home-feed > li').length,
        end: document.getElementById('home-end').textContent,
        banner: document.getElementById('new-tweets').hidden ? '' : document.getElementById('new-tweets').textContent,
        notice: document.getElementById('notice').hidden ? '' : document.getElementById('notice-text').textContent,
      })).catch((e) => String(e));
      console.log(`     page ${index}: ${JSON.stringify(state)}`);
      await page.screenshot({ path: `${out}/failure-${index}.png`, fullPage: true }).catch(() => {});
    }
    throw error;
  }
}

async function newPage(viewport, session, pollMs = 2000) {
  const context = await browser.newContext({ viewport, isMobile: viewport === PHONE, hasTouch: viewport === PHONE });
  // The home feed looks for new tweets every 2 s here, not every 20 s, so the test does not wait on it.
  await context.addInitScript(([value, every]) => {
    localStorage.setItem('flock.pollMs', String(every));
    if (value) localStorage.setItem('flock.session', value);
  }, [session || null, pollMs]);
  const page = await context.newPage();
  page.on('pageerror', (error) => { failed = true; console.log(`page error: ${error}`); });
  page.on('dialog', (dialog) => dialog.accept());
  pages.push(page);
  await page.goto(base);
  return page;
}

async function signUp(page, person) {
  await page.getByLabel('Handle', { exact: true }).first().fill(person.handle);
  await page.getByLabel('Display name').fill(person.name);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.locator('#view-home').waitFor({ state: 'visible', timeout: WAIT });
  await page.locator('#notice-close').click();
  await page.locator('#notice').waitFor({ state: 'hidden', timeout: WAIT });
  return page.evaluate(() => JSON.parse(localStorage.getItem('flock.session')));
}

/** A real PNG (a colour gradient), built here so the test needs no file: the API checks the bytes' signature. */
function png(width, height) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set([40 + (x * 200) / width, 110 + (y * 120) / height, 200], 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

async function post(session, text) {
  const response = await fetch(`${base}/api/v1/tweets`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  assert.equal(response.status, 201, `posting over the API answered ${response.status}`);
}

const feedSize = (page) => page.locator('#home-feed > li').count();

/** Reloads the home feed, checks its first page is one page, and scrolls until the end; answers the tweets shown. */
async function scrollToEnd(page) {
  await page.reload();
  await page.locator('#home-feed > li').first().waitFor({ timeout: WAIT });
  const end = page.locator('#home-end');
  await page.waitForFunction(() => !/Loading/.test(document.getElementById('home-end').textContent));
  const firstPage = await feedSize(page);
  assert.ok(firstPage <= 20, `the first page holds at most 20 tweets, held ${firstPage}`);
  for (let attempt = 0; attempt < 40 && !/caught up/.test(await end.textContent()); attempt++) {
    await end.scrollIntoViewIfNeeded();
    await page.waitForTimeout(250);
  }
  assert.match(await end.textContent(), /caught up/);
  return feedSize(page);
}

try {
  let annPage, benPage, annSession, benSession;
  const picture = `A picture from the canyon ${suffix}`;

  await step('the page is Flock, and every field has a label', async () => {
    annPage = await newPage(DESKTOP);
    assert.match(await annPage.title(), /Flock/);
    const unlabelled = await annPage.evaluate(() => [...document.querySelectorAll('input, textarea')]
      .filter((field) => field.labels.length === 0 && !field.getAttribute('aria-label')).map((field) => field.id));
    assert.deepEqual(unlabelled, []);
  });

  await step('two people sign up', async () => {
    annSession = await signUp(annPage, ann);
    benPage = await newPage(DESKTOP);
    benSession = await signUp(benPage, ben);
    assert.equal(annSession.handle, ann.handle);
    assert.equal(benSession.handle, ben.handle);
  });

  await step('a taken handle is refused with a message', async () => {
    const page = await newPage(DESKTOP);
    await page.getByLabel('Handle', { exact: true }).first().fill(ann.handle.toUpperCase());
    await page.getByLabel('Display name').fill('Someone else');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.locator('#notice').waitFor({ state: 'visible', timeout: WAIT });
    assert.match(await page.locator('#notice-text').textContent(), /taken/i);
    await page.context().close();
    pages.pop();
  });

  await step('Ben follows Ann from her profile', async () => {
    await benPage.goto(`${base}/#/u/${ann.handle}`);
    await benPage.locator('#profile-name').filter({ hasText: ann.name }).waitFor({ timeout: WAIT });
    await benPage.getByRole('button', { name: 'Follow', exact: true }).click();
    await benPage.getByRole('button', { name: 'Unfollow' }).waitFor({ timeout: WAIT });
    assert.equal(await benPage.locator('#profile-followers').textContent(), '1');
    assert.equal(await benPage.locator('#profile-followers-word').textContent(), 'follower');
    await benPage.getByRole('link', { name: 'Home' }).click();
    await benPage.locator('#home-end').filter({ hasText: /No tweets yet|caught up/ }).waitFor({ timeout: WAIT });
  });

  await step('the compose box counts characters and refuses more than 280', async () => {
    const box = annPage.getByLabel('What is happening?');
    await box.fill('x'.repeat(281));
    assert.equal(await annPage.locator('#compose-count').textContent(), '-1');
    assert.equal(await annPage.getByRole('button', { name: 'Post', exact: true }).isDisabled(), true);
    await box.fill('né 🐦');
    assert.equal(await annPage.locator('#compose-count').textContent(), String(280 - 4));
  });

  await step('Ann posts a tweet with a picture, previewed before it goes', async () => {
    for (let i = 1; i <= 3; i++) await post(annSession, `Morning thought number ${i} ${suffix}`);
    await annPage.getByLabel('What is happening?').fill(picture);
    await annPage.locator('#compose-media').setInputFiles({ name: 'canyon.png', mimeType: 'image/png', buffer: png(240, 160) });
    await annPage.getByAltText('Preview of canyon.png', { exact: true }).waitFor({ timeout: WAIT });
    await annPage.getByRole('button', { name: 'Post', exact: true }).click();
    const tweet = annPage.locator('#home-feed > li').filter({ hasText: picture });
    await tweet.locator('img').waitFor({ timeout: WAIT });
    assert.equal(await annPage.locator('#compose-previews img').count(), 0);
  });

  await step('it reaches Ben through the "new tweets" indicator, picture and all', async () => {
    const indicator = benPage.locator('#new-tweets').filter({ hasText: 'Show 4 new tweets' });
    await indicator.waitFor({ state: 'visible', timeout: WAIT });
    await indicator.click();
    assert.equal(await feedSize(benPage), 4);
    assert.equal(await benPage.locator('#new-tweets').isVisible(), false, 'the indicator goes once clicked');
    const tweet = benPage.locator('#home-feed > li').first();
    assert.match(await tweet.textContent(), new RegExp(picture));
    const image = tweet.locator('img');
    await benPage.waitForFunction((node) => node.complete && node.naturalWidth > 0, await image.elementHandle(),
      { timeout: WAIT });
    assert.equal(await image.evaluate((node) => node.naturalWidth), 240);
  });

  await step('Ben likes the tweet: the button changes at once, and the like is there on a fresh page', async () => {
    const likeOn = (page) => page.locator('#home-feed > li').filter({ hasText: picture })
      .getByRole('button', { name: /^(Like|Unlike): / });
    const like = likeOn(benPage);
    assert.equal(await like.getAttribute('aria-pressed'), 'false');
    await like.click();
    assert.equal(await like.getAttribute('aria-pressed'), 'true');
    assert.match(await like.textContent(), /1$/);
    // The button is back once the API acknowledged the like; then pages of their own (the open ones keep their state
    // for the steps after this one) read it from the API.
    await benPage.waitForFunction((node) => !node.disabled, await like.elementHandle(), { timeout: WAIT });
    const benAgain = await newPage(DESKTOP, JSON.stringify(benSession));
    await likeOn(benAgain).waitFor({ timeout: WAIT });
    assert.equal(await likeOn(benAgain).getAttribute('aria-pressed'), 'true', 'the like came back from the API');
    assert.match(await likeOn(benAgain).textContent(), /1$/);
    const annAgain = await newPage(DESKTOP, JSON.stringify(annSession));
    await likeOn(annAgain).waitFor({ timeout: WAIT });
    assert.equal(await likeOn(annAgain).getAttribute('aria-pressed'), 'false', 'Ann did not like it herself');
    assert.match(await likeOn(annAgain).getAttribute('aria-label'), /1 like$/);
    for (const page of [annAgain, benAgain]) {
      await page.context().close();
      pages.pop();
    }
  });

  await step('screenshots at desktop and phone width', async () => {
    await benPage.screenshot({ path: `${out}/home-desktop.png` });
    const phone = await newPage(PHONE, JSON.stringify(benSession));
    await phone.locator('#home-feed > li img').first().waitFor({ timeout: WAIT });
    await phone.screenshot({ path: `${out}/home-phone.png` });
    await phone.goto(`${base}/#/u/${ann.handle}`);
    await phone.getByRole('button', { name: 'Unfollow' }).waitFor({ timeout: WAIT });
    await phone.locator('#profile-feed > li').first().waitFor({ timeout: WAIT });
    await phone.screenshot({ path: `${out}/profile-phone.png` });
  });

  await step('the feed scrolls on through pages', async () => {
    for (let i = 4; i <= 44; i++) await post(annSession, `Morning thought number ${i} ${suffix}`);
    assert.equal(await scrollToEnd(benPage), 45);
  });

  await step('Ann deletes the tweet, and it leaves both feeds', async () => {
    const tweet = annPage.locator('#home-feed > li').filter({ hasText: picture });
    await tweet.getByRole('button', { name: /Delete your tweet/ }).click();
    await tweet.waitFor({ state: 'detached', timeout: WAIT });
    const deadline = Date.now() + WAIT;
    while ((await scrollToEnd(benPage)) !== 44) {
      assert.ok(Date.now() < deadline, 'the deleted tweet is still in the follower\'s feed');
      await benPage.waitForTimeout(250);
    }
    assert.equal(await benPage.locator('#home-feed > li').filter({ hasText: picture }).count(), 0);
  });

  await step('Ben replies in a tweet\'s thread: the reply shows there, counted, and its own thread leads back', async () => {
    const question = `Morning thought number 43 ${suffix}`;
    const tweet = benPage.locator('#home-feed > li').filter({ hasText: question });
    await tweet.getByRole('link', { name: /^Reply: 0 replies$/ }).click();
    await benPage.locator('#view-thread').waitFor({ state: 'visible', timeout: WAIT });
    await benPage.locator('#thread-tweet > li').filter({ hasText: question }).waitFor({ timeout: WAIT });
    await benPage.locator('#thread-end').filter({ hasText: 'No replies yet.' }).waitFor({ timeout: WAIT });
    const answer = `Good morning to you too ${suffix}`;
    await benPage.getByLabel('Your reply').fill(answer);
    await benPage.getByRole('button', { name: 'Reply', exact: true }).click();
    await benPage.locator('#thread-replies > li').filter({ hasText: answer }).waitFor({ timeout: WAIT });
    await benPage.locator('#thread-tweet').getByRole('link', { name: /^Reply: 1 reply$/ }).waitFor({ timeout: WAIT });
    // A fresh page reads the thread from the API: the reply is there, and the count (within moments) too.
    const fresh = await newPage(DESKTOP, JSON.stringify(benSession));
    await fresh.goto(benPage.url());
    await fresh.locator('#thread-replies > li').filter({ hasText: answer }).waitFor({ timeout: WAIT });
    const deadline = Date.now() + WAIT;
    while (await fresh.locator('#thread-tweet').getByRole('link', { name: /^Reply: 1 reply$/ }).count() === 0) {
      assert.ok(Date.now() < deadline, 'the reply count never reached 1');
      await fresh.reload();
      await fresh.locator('#thread-tweet > li').waitFor({ timeout: WAIT });
    }
    // The reply's own thread shows the tweet it answers above it.
    await fresh.locator('#thread-replies > li').filter({ hasText: answer }).locator('a.permalink').click();
    await fresh.locator('#thread-ancestors > li').filter({ hasText: question }).waitFor({ timeout: WAIT });
    await fresh.locator('#thread-tweet > li').filter({ hasText: answer }).getByText('Replying to a tweet')
      .waitFor({ timeout: WAIT });
    await fresh.locator('#thread-end').filter({ hasText: 'No replies yet.' }).waitFor({ timeout: WAIT });
    await fresh.screenshot({ path: `${out}/thread-desktop.png` });
    await fresh.context().close();
    pages.pop();
    await benPage.goto(`${base}/#/`);
    await benPage.locator('#view-home').waitFor({ state: 'visible', timeout: WAIT });
  });

  await step('Ann signs in on another browser with her handle and token', async () => {
    const page = await newPage(DESKTOP);
    await page.locator('#sign-in-handle').fill(ann.handle);
    await page.getByLabel(/^Token/).fill(benSession.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#notice-text').filter({ hasText: `That token does not belong to @${ann.handle}.` })
      .waitFor({ timeout: WAIT });
    await page.getByLabel(/^Token/).fill(annSession.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#home-feed > li').first().waitFor({ timeout: WAIT });
    assert.match(await page.locator('#home-feed > li').first().textContent(), /Morning thought number 44/);
    await page.waitForFunction(() => !/Loading/.test(document.getElementById('home-end').textContent));
    assert.equal(await feedSize(page), 20, 'one page, shown once');
    await page.context().close();
    pages.pop();
  });

  await step('Ann reposts Ben\'s reply from his profile, and her feed shows it reposted by her', async () => {
    const answer = `Good morning to you too ${suffix}`;
    await annPage.goto(`${base}/#/u/${ben.handle}`);
    const onProfile = annPage.locator('#profile-feed > li').filter({ hasText: answer });
    const repost = onProfile.getByRole('button', { name: /^(Repost|Undo repost): / });
    await repost.waitFor({ timeout: WAIT });
    assert.equal(await repost.getAttribute('aria-pressed'), 'false');
    await repost.click();
    assert.equal(await repost.getAttribute('aria-pressed'), 'true');
    await annPage.waitForFunction((node) => !node.disabled, await repost.elementHandle(), { timeout: WAIT });
    await annPage.goto(`${base}/#/`);
    await annPage.locator('#view-home').waitFor({ state: 'visible', timeout: WAIT });
    const inFeed = annPage.locator('#home-feed > li').filter({ hasText: answer });
    const deadline = Date.now() + WAIT;
    while (await inFeed.count() === 0) {
      assert.ok(Date.now() < deadline, 'the repost never reached Ann\'s feed');
      await annPage.reload();
      await annPage.locator('#home-feed > li').first().waitFor({ timeout: WAIT });
    }
    assert.match(await inFeed.locator('.reposted-by').textContent(), /Reposted by Ann Archer/);
    assert.equal(await inFeed.getByRole('button', { name: /^Undo repost: 1 repost$/ }).count(), 1);
  });

  await step('a mention links to the account\'s profile, and a link leads out of Flock', async () => {
    const text = `Ask @${ann.handle} about https://flock.example/docs ${suffix}`;
    await post(benSession, text);
    await benPage.goto(`${base}/#/u/${ben.handle}`);
    const shown = benPage.locator('#profile-feed > li').filter({ hasText: 'flock.example/docs' });
    await shown.waitFor({ timeout: WAIT });
    assert.equal(await shown.getByRole('link', { name: `@${ann.handle}`, exact: true }).getAttribute('href'),
      `#/u/${ann.handle}`);
    const out = shown.getByRole('link', { name: 'https://flock.example/docs' });
    assert.equal(await out.getAttribute('href'), 'https://flock.example/docs');
    assert.match(await out.getAttribute('rel'), /noopener/);
  });

  await step('Ben\'s home is live: Ann\'s next tweet comes over the stream, with polling all but off', async () => {
    const live = await newPage(DESKTOP, JSON.stringify(benSession), 600_000);
    await live.waitForFunction(() => document.body.dataset.live === 'on', null, { timeout: WAIT });
    const text = `Straight to you ${suffix}`;
    await post(annSession, text);
    const indicator = live.locator('#new-tweets').filter({ hasText: 'Show 1 new tweet' });
    await indicator.waitFor({ state: 'visible', timeout: 5_000 });
    await indicator.click();
    assert.match(await live.locator('#home-feed > li').first().textContent(), new RegExp(text));
    await live.context().close();
    pages.pop();
  });

  await step('Ann sees how many notifications are new, then Ben\'s mention and follow among them', async () => {
    await annPage.goto(`${base}/#/`);
    const badge = annPage.locator('#unread-badge');
    await badge.waitFor({ state: 'visible', timeout: WAIT });
    assert.ok(Number(await badge.textContent()) >= 2, `unread: ${await badge.textContent()}`);
    await annPage.getByRole('link', { name: /^Notifications/ }).click();
    const mention = annPage.locator('#notifications-list > li[data-type="mention"]')
      .filter({ hasText: 'flock.example/docs' });
    await mention.waitFor({ timeout: WAIT });
    assert.match(await mention.textContent(), new RegExp(`${ben.name} mentioned you`));
    assert.match(await mention.getAttribute('class'), /unread/);
    const follow = annPage.locator('#notifications-list > li[data-type="follow"]');
    assert.match(await follow.textContent(), new RegExp(`${ben.name} followed you`));
    await badge.waitFor({ state: 'hidden', timeout: WAIT }); // opened: read up to the newest
    await annPage.screenshot({ path: `${out}/notifications-desktop.png` });
  });

  await step('Ann mutes and then blocks Ben from his profile, and Ben can no longer follow her', async () => {
    await annPage.goto(`${base}/#/u/${ben.handle}`);
    await annPage.locator('#profile-name').filter({ hasText: ben.name }).waitFor({ timeout: WAIT });
    await annPage.getByRole('button', { name: 'Mute', exact: true }).click();
    await annPage.getByRole('button', { name: 'Unmute' }).waitFor({ timeout: WAIT });
    assert.match(await annPage.locator('#notice-text').textContent(), /Muted @/);
    await annPage.getByRole('button', { name: 'Block', exact: true }).click();
    await annPage.getByRole('button', { name: 'Unblock' }).waitFor({ timeout: WAIT });
    assert.match(await annPage.locator('#notice-text').textContent(), /Blocked @/);
    assert.equal(await annPage.locator('#profile-follow').isHidden(), true, 'no Follow while blocking');
    await annPage.locator('#notice-close').click();

    await benPage.goto(`${base}/#/u/${ann.handle}`);
    await benPage.locator('#profile-name').filter({ hasText: ann.name }).waitFor({ timeout: WAIT });
    const follow = benPage.getByRole('button', { name: 'Follow', exact: true });
    await follow.waitFor({ timeout: WAIT }); // the block ended Ben's follow of Ann
    await follow.click();
    await benPage.locator('#notice').waitFor({ state: 'visible', timeout: WAIT });
    assert.match(await benPage.locator('#notice-text').textContent(), /blocks/);
    await benPage.locator('#notice-close').click();
    await annPage.goto(`${base}/#/`);
    await annPage.locator('#view-home').waitFor({ state: 'visible', timeout: WAIT });
  });

  await step('429 and 503 answers become messages that say when to try again', async () => {
    const keys = [];
    const problem = (status, title, detail, retryAfter) => (route) => {
      keys.push(route.request().headers()['idempotency-key']);
      return route.fulfill({
        status,
        headers: { 'Content-Type': 'application/problem+json', 'Retry-After': retryAfter },
        body: JSON.stringify({ type: 'about:blank', title, status, detail }),
      });
    };
    await annPage.route('**/api/v1/tweets', problem(429, 'Too Many Requests', 'rate limit reached', '7'));
    await annPage.getByLabel('What is happening?').fill('one too many');
    await annPage.getByRole('button', { name: 'Post', exact: true }).click();
    await annPage.locator('#notice-text').filter({ hasText: 'You are doing that too often. Try again in 7 s.' })
      .waitFor({ timeout: WAIT });
    await annPage.unroute('**/api/v1/tweets');
    await annPage.route('**/api/v1/tweets', problem(503, 'Service Unavailable', 'the tweet store is down', '5'));
    await annPage.getByRole('button', { name: 'Post', exact: true }).click();
    await annPage.locator('#notice-text')
      .filter({ hasText: 'Flock is briefly unavailable (the tweet store is down). Try again in 5 s.' })
      .waitFor({ timeout: WAIT });
    assert.equal(await annPage.getByLabel('What is happening?').inputValue(), 'one too many', 'the draft is kept');
    assert.ok(keys[0], 'a post carries an Idempotency-Key');
    assert.equal(keys[1], keys[0], 'posting the same draft again sends the same key');
  });

  await step('the controls are reachable from the keyboard', async () => {
    await annPage.getByLabel('What is happening?').focus();
    await annPage.keyboard.press('Tab');
    assert.equal(await annPage.evaluate(() => document.activeElement.id), 'compose-media');
    await annPage.keyboard.press('Tab');
    assert.equal(await annPage.evaluate(() => document.activeElement.id), 'compose-post');
  });
} catch (error) {
  failed = true;
} finally {
  await browser.close();
}
console.log(failed ? 'web client tests FAILED' : 'web client tests passed');
process.exit(failed ? 1 : 0);
