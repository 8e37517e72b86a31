package flock.apinode.tweet;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.flakeidgen.FlakeIdGenerator;
import com.hazelcast.map.IMap;
import com.hazelcast.map.ReachedMaxSizeException;
import flock.apinode.media.MediaLibrary;
import flock.apinode.paging.PageRequest;
import flock.apinode.render.RenderedTweets;
import flock.apinode.safety.Blocks;
import flock.domain.ErrorCode;
import flock.domain.FlockException;
import flock.domain.MapNames;
import flock.domain.account.Handles;
import flock.domain.account.User;
import flock.domain.engagement.DropRepost;
import flock.domain.engagement.LikeList;
import flock.domain.timeline.AddOwnTweet;
import flock.domain.timeline.CountTweets;
import flock.domain.timeline.ReadAuthorTweets;
import flock.domain.timeline.RemoveOwnTweet;
import flock.domain.timeline.Timeline;
import flock.domain.tweet.Tweet;
import flock.domain.tweet.TweetEntities;
import flock.domain.tweet.TweetText;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Posting, reading and deleting tweets, and the author's own timeline. The fan-out to followers is not
 * done here: putting the tweet into the tweets map is the acknowledged write, and the Jet job picks it
 * up from the map's event journal.
 */
public final class Tweets {
    private final IMap<Long, Tweet> tweets;
    private final IMap<Long, Timeline> userTimelines;
    private final IMap<Long, User> users;
    private final IMap<String, Long> handles;
    private final IMap<Long, LikeList> reposted;
    private final IMap<String, Long> postKeys;
    private final FlakeIdGenerator ids;
    private final MediaLibrary media;
    private final RenderedTweets rendered;
    private final Blocks blocks;

    public Tweets(HazelcastInstance grid, MediaLibrary media, RenderedTweets rendered, Blocks blocks) {
        this.media = media;
        this.blocks = blocks;
        this.rendered = rendered;
        this.tweets = grid.getMap(MapNames.TWEETS);
        this.postKeys = grid.getMap(MapNames.POST_KEYS);
        this.userTimelines = grid.getMap(MapNames.USER_TIMELINES);
        this.users = grid.getMap(MapNames.USERS);
        this.handles = grid.getMap(MapNames.HANDLES);
        this.reposted = grid.getMap(MapNames.REPOSTED);
        this.ids = grid.getFlakeIdGenerator(MapNames.ID_GENERATOR);
    }

    /**
     * The author's timeline gets the id (and counts it) before the tweet is stored: a home timeline rebuilt
     * while this tweet's fan-out is in flight then finds it in the author's timeline (see HomeFeed.rebuild).
     * The author is rendered from the near cache: a post no longer changes the profile.
     */
    public Posted post(long authorId, String rawText, long[] mediaIds) {
        return post(authorId, rawText, mediaIds, 0, 0);
    }

    /**
     * The same, answering {@code inReplyToId} or quoting {@code quoteOfId} unless they are 0 (never both: a 400). The
     * tweet answered or quoted must exist now (a 404 otherwise, and nothing changes); deleted later, its replies stay,
     * still naming it, and its quotes show it as gone. An author who blocks the poster cannot be answered or quoted
     * by them (a 403). A reply's or quote's count and its place among the tweet's
     * replies or quotes are the fan-out's work, as its feeds are.
     */
    public Posted post(long authorId, String rawText, long[] mediaIds, long inReplyToId, long quoteOfId) {
        return post(authorId, rawText, mediaIds, inReplyToId, quoteOfId, null);
    }

    /**
     * The same, once per {@code idempotencyKey} of the author (none: null): the first post with a key reserves the
     * tweet's id under it, and a post with the same key within a day answers that tweet instead of making another. A
     * retry after a refusal (503) or a lost answer thus posts at most once: if the first attempt stored the tweet, the
     * retry answers it (written again, so that it has its backup whatever the first attempt's state); if it stopped
     * before, the retry posts it under the id reserved, every step being idempotent for one id. The text of a retry is
     * not compared: the key names the post.
     */
    public Posted post(
            long authorId, String rawText, long[] mediaIds, long inReplyToId, long quoteOfId, String idempotencyKey) {
        long id = idempotencyKey == null ? ids.newId() : reservedId(authorId, idempotencyKey);
        if (idempotencyKey != null) {
            Tweet stored = tweets.get(id);
            if (stored != null) {
                tweets.set(id, stored); // an update, which the jobs ignore: only its backup is wanted
                return posted(stored);
            }
        }
        String text = TweetText.normalize(rawText);
        if (inReplyToId != 0 && quoteOfId != 0) {
            throw FlockException.invalid("inReplyToId, quoteOfId: a tweet either replies or quotes, not both");
        }
        Tweet parent = inReplyToId == 0 ? null : tweets.get(inReplyToId);
        if (inReplyToId != 0 && parent == null) {
            throw FlockException.notFound("inReplyToId: tweet " + inReplyToId + " does not exist (deleted, or never"
                    + " posted), so it cannot be answered");
        }
        Tweet quoted = quoteOfId == 0 ? null : tweets.get(quoteOfId);
        if (quoteOfId != 0 && quoted == null) {
            throw FlockException.notFound("quoteOfId: tweet " + quoteOfId + " does not exist (deleted, or never"
                    + " posted), so it cannot be quoted");
        }
        if (parent != null) {
            blocks.requireNotBlockedBy(parent.authorId(), authorId, "reply to its tweets");
        }
        if (quoted != null) {
            blocks.requireNotBlockedBy(quoted.authorId(), authorId, "quote its tweets");
        }
        media.attach(authorId, id, mediaIds);
        long now = System.currentTimeMillis();
        Tweet tweet = parent != null
                ? Tweet.replyTo(parent, id, authorId, text, now, mediaIds)
                : quoted != null
                        ? Tweet.quoting(quoted, id, authorId, text, now, mediaIds)
                        : new Tweet(id, authorId, text, now, mediaIds);
        tweet = tweet.withMentions(mentionIdsOf(text));
        try {
            return store(tweet);
        } catch (ReachedMaxSizeException full) {
            media.detach(id, mediaIds); // back to the author for another try
            throw full;
        }
    }

    /** The id reserved under the author's key: a fresh one for a new key, the first post's for a key used before. */
    private long reservedId(long authorId, String idempotencyKey) {
        long fresh = ids.newId();
        Long earlier = postKeys.putIfAbsent(authorId + " " + idempotencyKey, fresh);
        return earlier == null ? fresh : earlier;
    }

    /**
     * The accounts the text's mentions name now, in text order (0 for a handle nobody has): resolved once, at post time,
     * so that a handle taken later does not make an old tweet mention its new owner. One grid call for a text with
     * mentions, none without.
     */
    private long[] mentionIdsOf(String text) {
        List<TweetEntities.Span> mentions = TweetEntities.mentions(text);
        if (mentions.isEmpty()) {
            return Tweet.NO_MENTIONS;
        }
        Set<String> keys = new HashSet<>();
        mentions.forEach(mention -> keys.add(Handles.key(mention.value())));
        Map<String, Long> found = handles.getAll(keys);
        long[] ids = new long[mentions.size()];
        boolean any = false;
        for (int i = 0; i < ids.length; i++) {
            Long user = found.get(Handles.key(mentions.get(i).value()));
            ids[i] = user == null ? 0 : user;
            any |= user != null;
        }
        return any ? ids : Tweet.NO_MENTIONS;
    }

    /**
     * Stores a tweet made here or by a repost: into its author's timeline first, then the tweets map (the
     * acknowledged write, which the fan-out picks up). Refused (503) when Cassandra is not keeping up, and then the
     * author's timeline keeps no id that names no tweet.
     */
    public Posted store(Tweet tweet) {
        userTimelines.executeOnKey(tweet.authorId(), AddOwnTweet.of(tweet));
        try {
            tweets.set(tweet.id(), tweet);
        } catch (ReachedMaxSizeException full) {
            userTimelines.executeOnKey(tweet.authorId(), new RemoveOwnTweet(tweet.id()));
            throw full;
        }
        return new Posted(tweet, users.get(tweet.authorId()));
    }

    /** A tweet already stored, with its author as the API shows it. */
    public Posted posted(Tweet tweet) {
        return new Posted(tweet, users.get(tweet.authorId()));
    }

    /** A tweet just posted and its author as the post left them (null only if the account vanished). */
    public record Posted(Tweet tweet, User author) {}

    public Optional<Tweet> find(long id) {
        return Optional.ofNullable(tweets.get(id));
    }

    /**
     * Removes the tweet; the fan-out job then takes it out of every home timeline (and takes its reposts away). A
     * repost deleted this way leaves its author's list of reposts too.
     */
    public void delete(long actingUser, long tweetId) {
        Tweet tweet = find(tweetId).orElseThrow(() -> FlockException.notFound("tweet " + tweetId + " does not exist"));
        if (tweet.authorId() != actingUser) {
            throw new FlockException(ErrorCode.FORBIDDEN, "only the author may delete tweet " + tweetId);
        }
        remove(tweet);
    }

    /** Removes a tweet already found (idempotent: one removed meanwhile changes nothing). */
    public void remove(Tweet tweet) {
        long tweetId = tweet.id();
        if (tweets.remove(tweetId) != null) {
            rendered.forget(tweetId); // this node's pages drop it now; the others hear the grid's removal event
            userTimelines.executeOnKey(tweet.authorId(), new RemoveOwnTweet(tweetId));
            media.deleteWithTweet(tweetId, tweet.mediaIds());
        }
        if (tweet.isRepost()) {
            reposted.executeOnKey(tweet.authorId(), new DropRepost(tweet.repostOfId(), tweetId));
        }
    }

    /** The author's tweets posted and not deleted, counted where their timeline lives. */
    public CompletableFuture<Long> countOf(long authorId) {
        return userTimelines.submitToKey(authorId, new CountTweets()).toCompletableFuture();
    }

    /**
     * One more id than asked for, so the caller knows whether another page exists. Read from this node's near cache
     * of author timelines: a profile is read far more often than its author posts, and the grid invalidates the entry
     * on each post and delete within milliseconds (this node's own at once), so most profile pages cost no network
     * call. A page that runs off the 800 tweets in memory of an author who has older ones asks again with {@link
     * ReadAuthorTweets}, which continues from Cassandra.
     */
    public long[] userTimelinePage(long authorId, PageRequest page) {
        Timeline timeline = userTimelines.get(authorId);
        if (timeline == null) {
            return new long[0];
        }
        long[] ids = timeline.page(page.maxId(), page.sinceId(), page.limit() + 1);
        if (ids.length > page.limit() || !timeline.truncated()) {
            return ids;
        }
        return userTimelines.executeOnKey(
                authorId, new ReadAuthorTweets(page.maxId(), page.sinceId(), page.limit() + 1));
    }
}
