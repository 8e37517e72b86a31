package flock.benchmarks.load;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import flock.apinode.account.Tokens;
import flock.domain.MapNames;
import flock.domain.account.Credential;
import flock.domain.account.User;
import flock.domain.timeline.Timeline;
import flock.domain.tweet.Tweet;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Loads a big {@link Dataset} into members that keep data in memory only, for the scaling stage: the
 * accounts and follower lists a post's fan-out and a home read need, an empty cached feed per user, and
 * then every tweet posted through the grid, so that Flock's own fan-out fills the feeds and its rate is
 * measured on the way.
 */
public final class ScaleLoader {
    /** Tweets per setAll: one write per partition on each member, at most a few hundred each. */
    private static final int TWEET_BATCH = 10_000;

    /** Batches posted ahead of the fan-out: keeps it busy without outrunning the tweets' event journal. */
    private static final int BATCHES_AHEAD = 4;

    private static final Duration FAN_OUT_PATIENCE = Duration.ofMinutes(15);

    private final HazelcastInstance grid;
    private final GridLoader bulk;

    public ScaleLoader(HazelcastInstance grid) {
        this.grid = grid;
        this.bulk = new GridLoader(grid);
    }

    /** Profiles, credentials and follower lists (big ones chunked as the API lays them out). */
    public void loadAccounts(Dataset data, LongSupplier edgeIds) {
        long now = System.currentTimeMillis();
        bulk.put(
                MapNames.USERS,
                "users",
                data.users(),
                u -> new User(data.userIds[u], data.handle(u), "Bench user " + u, now),
                data);
        bulk.put(
                MapNames.CREDENTIALS,
                "credentials",
                data.users(),
                u -> new Credential(data.userIds[u], Tokens.hash(data.tokens[u])),
                data);
        bulk.loadFollowers(data, GridLoader.edgeIds(data, edgeIds));
    }

    /** Every user has read lately: an empty feed the fan-out will fill (an uncached feed gets nothing). */
    public void cacheEmptyFeeds(Dataset data) {
        long now = System.currentTimeMillis();
        bulk.put(
                MapNames.HOME_TIMELINES,
                "empty home feeds",
                data.users(),
                u -> {
                    Timeline feed = Timeline.empty();
                    feed.markRead(now);
                    return feed;
                },
                data);
    }

    /**
     * Posts the dataset's oldest tweets, a batch at a time and a few batches ahead of the fan-out, and waits
     * until the fan-out has made every timeline update (each follower's feed and the author's own).
     *
     * @param limit how many tweets to post at most
     * @param updatesSoFar the members' count of fan-out timeline updates
     */
    public FanOutRun postThroughFanOut(Dataset data, int limit, DoubleSupplier updatesSoFar) {
        long[] all = new long[Math.toIntExact(data.tweetCount())];
        int[] allAuthors = new int[all.length];
        oldestFirst(data, all, allAuthors);
        long[] ids = Arrays.copyOf(all, Math.min(limit, all.length));
        int[] authors = Arrays.copyOf(allAuthors, ids.length);
        IMap<Long, Tweet> tweets = grid.getMap(MapNames.TWEETS);
        int batches = (ids.length + TWEET_BATCH - 1) / TWEET_BATCH;
        long[] expectedAfter = new long[batches];
        double before = updatesSoFar.getAsDouble();
        Progress progress = new Progress("tweets posted, fanned out", ids.length);
        long started = System.nanoTime();
        long expected = 0;
        for (int batch = 0; batch < batches; batch++) {
            if (batch >= BATCHES_AHEAD) {
                awaitUpdates(updatesSoFar, before + expectedAfter[batch - BATCHES_AHEAD]);
            }
            Map<Long, Tweet> posts = new HashMap<>();
            for (int i = batch * TWEET_BATCH; i < Math.min(ids.length, (batch + 1) * TWEET_BATCH); i++) {
                int author = authors[i];
                posts.put(
                        ids[i],
                        new Tweet(
                                ids[i],
                                data.userIds[author],
                                data.text(ids[i]),
                                GridLoader.createdAt(ids[i]),
                                new long[0]));
                expected += data.followers[author].length + 1L;
            }
            tweets.setAll(posts);
            expectedAfter[batch] = expected;
            progress.advance(posts.size());
        }
        awaitUpdates(updatesSoFar, before + expected);
        progress.finish();
        return new FanOutRun(ids.length, expected, (System.nanoTime() - started) / 1e9);
    }

    /**
     * Replaces the first {@code count} users' feeds with full ones (800 entries, grown one insert at a time
     * as the fan-out grows them), for the memory a full feed takes; answers the entries set.
     */
    public long fillFeeds(Dataset data, int count) {
        long now = System.currentTimeMillis();
        bulk.put(
                MapNames.HOME_TIMELINES,
                "full home feeds",
                Math.min(count, data.users()),
                u -> {
                    Timeline feed = Timeline.empty();
                    for (long id = Timeline.MAX_ENTRIES; id >= 1; id--) {
                        feed.insert(id); // each older than the last: appended, no shifting
                    }
                    feed.markRead(now);
                    return feed;
                },
                data);
        return (long) Math.min(count, data.users()) * Timeline.MAX_ENTRIES;
    }

    /**
     * What the fan-out did while the tweets were posted.
     *
     * @param tweets tweets posted
     * @param updates timeline updates made (followers' feeds and the authors' own)
     * @param seconds from the first post until the last update
     */
    public record FanOutRun(long tweets, long updates, double seconds) {
        public double updatesPerSecond() {
            return updates / seconds;
        }
    }

    private static void oldestFirst(Dataset data, long[] ids, int[] authors) {
        long[] packed = new long[ids.length];
        int next = 0;
        for (int u = 0; u < data.users(); u++) {
            for (long id : data.tweets[u]) {
                packed[next++] = id;
            }
        }
        Arrays.sort(packed);
        Map<Long, Integer> authorOf = new HashMap<>(ids.length * 2);
        for (int u = 0; u < data.users(); u++) {
            for (long id : data.tweets[u]) {
                authorOf.put(id, u);
            }
        }
        for (int i = 0; i < packed.length; i++) {
            ids[i] = packed[i];
            authors[i] = authorOf.get(packed[i]);
        }
    }

    private static void awaitUpdates(DoubleSupplier updatesSoFar, double target) {
        long deadline = System.nanoTime() + FAN_OUT_PATIENCE.toNanos();
        while (updatesSoFar.getAsDouble() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the fan-out made " + updatesSoFar.getAsDouble() + " of " + target
                        + " timeline updates in " + FAN_OUT_PATIENCE);
            }
            try {
                Thread.sleep(200); // each look scrapes both members' metrics: not too often
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
