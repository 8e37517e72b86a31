package flock.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import flock.domain.MapNames;
import flock.domain.graph.FollowList;
import flock.domain.graph.FollowerChunkKey;
import flock.domain.graph.FollowerLayout;
import flock.domain.timeline.Timeline;
import flock.mapstores.CassandraConfig;
import flock.mapstores.CassandraSessions;
import flock.testkit.CassandraServer;
import flock.testkit.FlockClient;
import flock.testkit.FlockClient.Account;
import flock.testkit.FlockClient.Answer;
import flock.testkit.FlockStack;
import flock.testkit.StackMetrics;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * A 200,000-follower account on two member processes. Its follower list is laid out in the grid as the API
 * builds it (a head and six chunks of 32,768, spread over the partitions), each follower with a cached feed.
 * A tweet posted over HTTP reaches every one of those feeds, and the test prints how long that took. A
 * real follow then takes the account past the pull threshold: every cached feed learns to pull it, and its
 * next tweet is merged into a follower's page at read.
 */
class BigAccountIT {
    private static final int FOLLOWERS = 200_000;

    /** The API node's default flock.graph.follower-chunk, so its follows continue the same layout. */
    private static final int CHUNK = 32_768;

    private static final int BATCH = 10_000;
    private static final int ORDINARY_TWEETS = 100;
    private static final Pattern LAG_MAX = Pattern.compile("(?m)^flock_fanout_lag_seconds_max\\S* (\\S+)$");

    @AutoClose
    private FlockStack stack;

    private StackMetrics metrics;

    @Test
    void should_bring_a_tweet_of_a_200000_follower_account_to_every_active_follower() {
        stack = new FlockStack(CassandraServer.shared(), "bigaccount")
                .withMemberHeap("1g")
                .start(2);
        metrics = new StackMetrics(stack);
        FlockClient client = new FlockClient(stack.apiUri());
        Account star = client.signUp(Handles.fresh("star"));
        long starId = Long.parseLong(star.id());
        measureOrdinaryLag(client);
        HazelcastInstance grid = HazelcastClient.newHazelcastClient(GridClients.configFor(stack));
        try {
            long[] fans = layOutFollowers(grid, starId);
            cacheFeeds(grid, fans);
            awaitWrittenBehind(starId);

            double updatesBefore = metrics.sum(StackMetrics.FAN_OUT_UPDATES);
            TreeMap<Double, Double> lagBefore = metrics.lagBuckets();
            Answer posted = client.tweet(star, "to two hundred thousand followers");
            long acknowledged = System.nanoTime();
            assertThat(posted.status()).isEqualTo(201);
            long tweetId = Long.parseLong(posted.string("id"));
            await("the fan-out to update " + (FOLLOWERS + 1) + " feeds")
                    .atMost(Duration.ofMinutes(3))
                    .ignoreExceptions()
                    .until(() -> metrics.sum(StackMetrics.FAN_OUT_UPDATES) >= updatesBefore + FOLLOWERS + 1);
            long fanOutMillis = (System.nanoTime() - acknowledged) / 1_000_000;
            assertThat(feedsHolding(grid, fans, tweetId)).isEqualTo(FOLLOWERS);
            System.out.printf(
                    "BigAccountIT: a tweet reached all %,d follower feeds (head + %d chunks, 2 members) %,d ms after"
                            + " it was acknowledged; its %d batches' lag: p50 <= %.0f ms, p99 <= %.0f ms, max %.0f ms%n",
                    FOLLOWERS,
                    FOLLOWERS / CHUNK,
                    fanOutMillis,
                    (FOLLOWERS + 1 + 999) / 1000,
                    metrics.lagQuantile(lagBefore, 0.5) * 1000,
                    metrics.lagQuantile(lagBefore, 0.99) * 1000,
                    metrics.max(LAG_MAX) * 1000);

            Account fan = client.signUp(Handles.fresh("fan"));
            long switchStarted = System.nanoTime();
            assertThat(client.follow(fan, star.id()).status()).isEqualTo(204);
            long switchMillis = (System.nanoTime() - switchStarted) / 1_000_000;
            assertThat(grid.<Long, String>getMap(MapNames.PULL_ACCOUNTS).get(starId))
                    .isEqualTo(MapNames.PULL);
            Timeline someFeed =
                    grid.<Long, Timeline>getMap(MapNames.HOME_TIMELINES).get(fans[FOLLOWERS / 2]);
            assertThat(someFeed.pulledAuthors())
                    .as("a cached feed learnt to pull the star")
                    .contains(starId);
            System.out.printf(
                    "BigAccountIT: the follow that took it past the pull threshold switched %,d feeds in %,d ms%n",
                    FOLLOWERS, switchMillis);

            String merged = client.tweetId(star, "merged in at read");
            assertThat(client.home(fan, "?limit=5").itemIds()).startsWith(merged);
            Answer profile = client.get("/api/v1/users/" + star.id(), null);
            assertThat(profile.json().getInt("followers")).isEqualTo(FOLLOWERS + 1);
            FollowList head = grid.<Long, FollowList>getMap(MapNames.FOLLOWERS).get(starId);
            assertThat(head.size()).as("no value holds more than a chunk").isLessThanOrEqualTo(CHUNK);
        } finally {
            grid.shutdown();
        }
    }

    /** For comparison, the lag of an ordinary account's tweets (one batch each) on the same members. */
    private void measureOrdinaryLag(FlockClient client) {
        Account author = client.signUp(Handles.fresh("ordinary"));
        for (int i = 0; i < 3; i++) {
            Account reader = client.signUp(Handles.fresh("reader"));
            client.follow(reader, author.id());
            client.home(reader, "");
        }
        TreeMap<Double, Double> before = metrics.lagBuckets();
        double updatesBefore = metrics.sum(StackMetrics.FAN_OUT_UPDATES);
        for (int i = 0; i < ORDINARY_TWEETS; i++) {
            client.tweetId(author, "ordinary " + i);
        }
        await("the ordinary tweets to reach their 4 feeds each")
                .atMost(Duration.ofMinutes(1))
                .ignoreExceptions()
                .until(() -> metrics.sum(StackMetrics.FAN_OUT_UPDATES) >= updatesBefore + ORDINARY_TWEETS * 4);
        System.out.printf(
                "BigAccountIT: %d tweets of an account with 3 followers: lag p50 <= %.0f ms, p99 <= %.0f ms%n",
                ORDINARY_TWEETS, metrics.lagQuantile(before, 0.5) * 1000, metrics.lagQuantile(before, 0.99) * 1000);
    }

    /**
     * The star's follower list as the API's follows would leave it (see AddFollower): the oldest 32,768
     * edges in the head, each next 32,768 in a chunk starting at its first edge. Followers are negative ids,
     * which no real account has; edge ids are below any id the grid hands out from now on.
     */
    private static long[] layOutFollowers(HazelcastInstance grid, long starId) {
        long firstEdge = grid.getFlakeIdGenerator(MapNames.ID_GENERATOR).newId() - FOLLOWERS;
        long[] fans = new long[FOLLOWERS];
        long[] edges = new long[FOLLOWERS];
        for (int i = 0; i < FOLLOWERS; i++) {
            fans[i] = -1L - i;
            edges[i] = firstEdge + i;
        }
        FollowerLayout layout = FollowerLayout.of(starId, fans, edges, CHUNK);
        grid.<FollowerChunkKey, FollowList>getMap(MapNames.FOLLOWER_CHUNKS).putAll(layout.chunks());
        grid.<Long, FollowList>getMap(MapNames.FOLLOWERS).set(starId, layout.head());
        return fans;
    }

    /**
     * Waits until Cassandra has every follower edge, so that the fan-out is timed on its own and not
     * alongside the write-behind of the 200,000 edges just laid out (about 20 s on this machine).
     */
    private void awaitWrittenBehind(long starId) {
        CassandraConfig config = CassandraConfig.fromMap(
                Map.of("contact-points", CassandraServer.shared().contactPoint(), "keyspace", stack.keyspace()));
        try (CqlSession session = CassandraSessions.open(config, Duration.ofMinutes(1))) {
            await("Cassandra to hold all " + FOLLOWERS + " follower edges")
                    .atMost(Duration.ofMinutes(3))
                    .ignoreExceptions()
                    .until(() -> {
                        long rows = session.execute("SELECT COUNT(*) FROM followers WHERE user_id = ?", starId)
                                .one()
                                .getLong(0);
                        for (int chunk = 1; chunk <= (FOLLOWERS - 1) / CHUNK; chunk++) {
                            rows += session.execute(
                                            "SELECT COUNT(*) FROM follower_chunks WHERE user_id = ? AND chunk = ?",
                                            starId,
                                            chunk)
                                    .one()
                                    .getLong(0);
                        }
                        return rows == FOLLOWERS;
                    });
        }
    }

    /** Every follower has read lately: a cached feed (not to be evicted as idle) for the fan-out to update. */
    private static void cacheFeeds(HazelcastInstance grid, long[] fans) {
        IMap<Long, Timeline> homes = grid.getMap(MapNames.HOME_TIMELINES);
        long now = System.currentTimeMillis();
        for (int from = 0; from < fans.length; from += BATCH) {
            Map<Long, Timeline> batch = new HashMap<>();
            for (int i = from; i < Math.min(fans.length, from + BATCH); i++) {
                Timeline feed = Timeline.empty();
                feed.markRead(now);
                batch.put(fans[i], feed);
            }
            homes.putAll(batch);
        }
    }

    private static long feedsHolding(HazelcastInstance grid, long[] fans, long tweetId) {
        IMap<Long, Timeline> homes = grid.getMap(MapNames.HOME_TIMELINES);
        long holding = 0;
        for (int from = 0; from < fans.length; from += BATCH) {
            Set<Long> keys = new HashSet<>();
            for (int i = from; i < Math.min(fans.length, from + BATCH); i++) {
                keys.add(fans[i]);
            }
            for (Timeline feed : homes.getAll(keys).values()) {
                holding += feed.contains(tweetId) ? 1 : 0;
            }
        }
        return holding;
    }
}
