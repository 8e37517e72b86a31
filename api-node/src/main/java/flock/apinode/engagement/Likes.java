package flock.apinode.engagement;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.flakeidgen.FlakeIdGenerator;
import com.hazelcast.map.IMap;
import flock.apinode.grid.Determinate;
import flock.apinode.render.ShownEngagement;
import flock.apinode.safety.Blocks;
import flock.domain.FlockException;
import flock.domain.MapNames;
import flock.domain.engagement.ApplyLike;
import flock.domain.engagement.BucketKey;
import flock.domain.engagement.BucketSize;
import flock.domain.engagement.EdgeBucket;
import flock.domain.engagement.EdgePage;
import flock.domain.engagement.LikeChange;
import flock.domain.engagement.LikeEvent;
import flock.domain.engagement.LikeList;
import flock.domain.engagement.ReadLikes;
import flock.domain.engagement.SetLike;
import flock.domain.engagement.TweetStats;
import flock.domain.tweet.Tweet;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Likes and unlikes, the likers of a tweet, the likes of an account, and the counts.
 *
 * <p>A like is acknowledged only once all three of its writes are done, each on its owner with a synchronous
 * backup: the account's list (the truth, which gives the change its version), the tweet's likers bucket, and the
 * bucket's size in the tweet's counts; a like also leaves its event for the notify job ({@code like_events}), sent
 * beside the count's report. A request that fails half way was not acknowledged, and its retry writes the
 * later steps again from the account's list, changed or not: versions make every step idempotent and order-proof
 * ({@code EdgeBucket}, {@code TweetStats}).
 */
public final class Likes {
    private final IMap<Long, Tweet> tweets;
    private final IMap<Long, LikeList> likes;
    private final IMap<Long, LikeList> reposted;
    private final IMap<BucketKey, EdgeBucket> likers;
    private final IMap<Long, TweetStats> stats;
    private final IMap<Long, LikeEvent> events;
    private final FlakeIdGenerator ids;
    private final CountReports reports;
    private final FreshCounts fresh;
    private final ShownCounts shownCounts = new ShownCounts();
    private final Blocks blocks;

    public Likes(HazelcastInstance grid, Blocks blocks) {
        this.blocks = blocks;
        this.tweets = grid.getMap(MapNames.TWEETS);
        this.likes = grid.getMap(MapNames.LIKES);
        this.reposted = grid.getMap(MapNames.REPOSTED);
        this.likers = grid.getMap(MapNames.LIKERS);
        this.stats = grid.getMap(MapNames.TWEET_STATS);
        this.events = grid.getMap(MapNames.LIKE_EVENTS);
        this.ids = grid.getFlakeIdGenerator(MapNames.ID_GENERATOR);
        this.reports = new CountReports(stats);
        this.fresh = FreshCounts.listen(grid, stats, shownCounts);
    }

    /**
     * Idempotent. Liking a tweet that does not exist (or was deleted) is a 404, liking one whose author blocks the
     * account a 403, and neither changes anything. The tweet and the author's blocks come from near caches.
     */
    public void like(long actorId, long tweetId) {
        Tweet tweet = tweets.get(tweetId);
        if (tweet == null) {
            throw FlockException.notFound("tweet " + tweetId + " does not exist");
        }
        blocks.requireNotBlockedBy(tweet.authorId(), actorId, "like its tweets");
        SetLike like = SetLike.like(tweetId, ids.newId()); // one edge id for every attempt
        Determinate.run(() -> apply(actorId, tweetId, likes.executeOnKey(actorId, like)));
    }

    /** Idempotent, whether or not the tweet still exists: a deleted tweet's like can still be taken back. */
    public void unlike(long actorId, long tweetId) {
        Determinate.run(() -> apply(actorId, tweetId, likes.executeOnKey(actorId, SetLike.unlike(tweetId))));
    }

    private void apply(long actorId, long tweetId, LikeChange change) {
        BucketKey bucket = BucketKey.of(tweetId, actorId);
        BucketSize size = likers.executeOnKey(bucket, ApplyLike.of(actorId, change, System.currentTimeMillis()));
        CompletableFuture<?> told = change.liked()
                ? events.setAsync(change.edgeId(), new LikeEvent(tweetId, actorId))
                        .toCompletableFuture()
                : CompletableFuture.completedFuture(null);
        fresh.changed(tweetId, System.currentTimeMillis()); // this node's next page asks, whenever the event comes
        reports.report(bucket, size).join();
        shownCounts.changed(tweetId); // read again from the near cache, which the report invalidated
        told.join();
    }

    /** The tweet's counts (empty for a tweet nobody liked or answered), from the near cache, invalidated on change. */
    public TweetStats counts(long tweetId) {
        if (fresh.knownEmpty(tweetId, System.currentTimeMillis())) {
            return TweetStats.empty();
        }
        TweetStats counted = stats.get(tweetId);
        return counted == null ? TweetStats.empty() : counted;
    }

    /**
     * The counts, the reader's likes and reposts of the first {@code count} tweets of a page, from this node's near caches
     * (the grid invalidates an entry on every change, so a reader sees their own like at once): no grid call once the
     * tweets' counts and the reader's list are cached. A tweet nobody liked has counts too (empty, loaded once), so
     * that the near cache can keep them; a new one nobody reacted to is not even asked for ({@link FreshCounts}). The
     * counts a page showed lately are taken from this node's table of them ({@link ShownCounts}), not the near cache.
     */
    public ShownEngagement shown(Optional<Long> reader, long[] ids, int count) {
        if (reader.isEmpty()) {
            return shown(ids, count, null, null);
        }
        return shown(ids, count, listOf(likes, reader.get()), listOf(reposted, reader.get()));
    }

    /** The counts of the tweets, and which of them the reader likes and reposted unless both lists are null. */
    private ShownEngagement shown(long[] ids, int count, LikeList liking, LikeList reposting) {
        long now = System.currentTimeMillis();
        long version = shownCounts.version(); // before anything is read: a change heard meanwhile voids the read
        ShownCounts.Counts[] kept = new ShownCounts.Counts[count];
        boolean[] missed = new boolean[count]; // neither kept nor known empty: read from the near cache
        Set<Long> asked = null; // none at all when every count is kept or known empty: no set, no call
        for (int i = 0; i < count; i++) {
            if (fresh.knownEmpty(ids[i], now)) {
                continue;
            }
            kept[i] = shownCounts.get(ids[i], now);
            if (kept[i] == null) {
                missed[i] = true;
                if (asked == null) {
                    asked = new HashSet<>(count * 2);
                }
                asked.add(ids[i]);
            }
        }
        Map<Long, TweetStats> counted = asked == null ? Map.of() : stats.getAll(asked);
        int[] likeCounts = new int[count];
        int[] reposts = new int[count];
        int[] replies = new int[count];
        int[] quotes = new int[count];
        for (int i = 0; i < count; i++) {
            ShownCounts.Counts tweet =
                    missed[i] ? shownCounts.keep(ids[i], version, now, counted.get(ids[i])) : kept[i];
            if (tweet != null) {
                likeCounts[i] = tweet.likes();
                reposts[i] = tweet.reposts();
                replies[i] = tweet.replies();
                quotes[i] = tweet.quotes();
            }
        }
        if (liking == null) {
            return new ShownEngagement(likeCounts, reposts, replies, quotes, null, null);
        }
        boolean[] liked = new boolean[count];
        boolean[] didRepost = new boolean[count];
        for (int i = 0; i < count; i++) {
            liked[i] = liking.edgeOf(ids[i]) != 0;
            didRepost[i] = reposting.edgeOf(ids[i]) != 0;
        }
        return new ShownEngagement(likeCounts, reposts, replies, quotes, liked, didRepost);
    }

    /** What pages show of each tweet for this reader (none: no token), as the views ask for it. */
    public ShownEngagement.Source shownTo(Optional<Long> reader) {
        return (ids, count) -> shown(reader, ids, count);
    }

    /**
     * The same as {@link #shownTo}, with the reader's likes and reposts asked for now and taken when the page is
     * assembled. A page that reads its feed from a member first (a reader this node has not seen, none of whose lists
     * it caches) then waits for those answers while it waits for the feed, not after it, one call after another. A
     * list the near cache holds is answered at once, as by {@link #shownTo}.
     */
    public ShownEngagement.Source prefetchShownTo(long reader) {
        CompletableFuture<LikeList> liking = likes.getAsync(reader).toCompletableFuture();
        CompletableFuture<LikeList> reposting = reposted.getAsync(reader).toCompletableFuture();
        return (ids, count) -> shown(ids, count, orEmpty(liking.join()), orEmpty(reposting.join()));
    }

    private static LikeList orEmpty(LikeList list) {
        return list == null ? LikeList.EMPTY : list;
    }

    /** Whether the account likes each of the tweets, from the account's list (near cached). */
    public Set<Long> likedAmong(long accountId, long[] tweetIds) {
        LikeList list = listOf(accountId);
        Set<Long> found = new HashSet<>();
        for (long tweetId : tweetIds) {
            if (list.edgeOf(tweetId) != 0) {
                found.add(tweetId);
            }
        }
        return found;
    }

    private LikeList listOf(long accountId) {
        return listOf(likes, accountId);
    }

    private static LikeList listOf(IMap<Long, LikeList> lists, long accountId) {
        return orEmpty(lists.get(accountId));
    }

    /** The tweets the account liked, newest like first; one more than the limit if more exist. */
    public EdgePage likesOf(long accountId, long maxEdgeId, int limit) {
        return likes.executeOnKey(accountId, new ReadLikes(maxEdgeId, limit));
    }

    /** The accounts that like the tweet, newest like first; one more than the limit if more exist. */
    public EdgePage likersOf(long tweetId, long maxEdgeId, int limit) {
        return BucketPages.newest(likers, tweetId, maxEdgeId, limit);
    }
}
