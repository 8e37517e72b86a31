package flock.benchmarks;

import com.hazelcast.aggregation.Aggregators;
import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.YamlConfigBuilder;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import flock.domain.MapNames;
import flock.domain.graph.FollowList;
import flock.domain.serialization.DomainSerializers;
import flock.domain.timeline.Timeline;
import flock.domain.tweet.Tweet;
import flock.pipelines.FanOutPipeline;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Fan-out throughput on a grid of two members in this JVM, on the project's hazelcast.yaml without
 * Cassandra: one account with many followers posting a burst, then many small accounts posting one tweet
 * each. Every follower's feed is cached, so every post becomes one timeline insert per follower. Prints
 * timeline inserts per second for each case.
 *
 * <p>Usage: {@code FanOutBench <hazelcast.yaml> [big-account followers] [burst tweets] [small-account followers]}
 */
public final class FanOutBench {
    private static final int SMALL_ACCOUNTS = Integer.getInteger("fanout.small-accounts", 2_000);
    private static final long TIMEOUT_MILLIS = 300_000;

    /** The fan-out's counters, registered before the members start so its meters land here. */
    private static final io.micrometer.core.instrument.simple.SimpleMeterRegistry UPDATES =
            new io.micrometer.core.instrument.simple.SimpleMeterRegistry();

    /** Updates counted by earlier cases. */
    private static long counted;

    private FanOutBench() {}

    public static void main(String[] args) throws Exception {
        Path yaml = Path.of(args.length > 0 ? args[0] : "hazelcast.yaml");
        int bigFollowers = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int burst = args.length > 2 ? Integer.parseInt(args[2]) : 25;
        int smallFollowers = args.length > 3 ? Integer.parseInt(args[3]) : 40;
        io.micrometer.core.instrument.Metrics.globalRegistry.add(UPDATES);
        HazelcastInstance first = Hazelcast.newHazelcastInstance(config(yaml));
        HazelcastInstance second = Hazelcast.newHazelcastInstance(config(yaml));
        try {
            FanOutPipeline.submitIfAbsent(first.getJet());
            IMap<Long, FollowList> followers = first.getMap(MapNames.FOLLOWERS);
            IMap<Long, Timeline> homes = first.getMap(MapNames.HOME_TIMELINES);
            IMap<Long, Tweet> tweets = first.getMap(MapNames.TWEETS);
            long nextUser = 1_000_000;

            long bigAccount = nextUser++;
            FollowList fans = FollowList.EMPTY;
            Map<Long, Timeline> feeds = new HashMap<>();
            for (int i = 0; i < bigFollowers; i++) {
                long fan = nextUser++;
                fans = fans.with(fan, fan);
                feeds.put(fan, Timeline.empty());
            }
            followers.set(bigAccount, fans);
            feeds.put(bigAccount, Timeline.empty());
            homes.putAll(feeds);
            long expected = (long) burst * (bigFollowers + 1);
            long started = System.nanoTime();
            for (int i = 0; i < burst; i++) {
                tweets.set((long) i, new Tweet(i, bigAccount, "burst " + i, System.currentTimeMillis(), new long[0]));
            }
            report(
                    "big account",
                    bigFollowers + " followers x " + burst + " tweets",
                    expected,
                    waitFor(homes, expected),
                    started);

            homes.clear();
            feeds.clear();
            long firstFollower = nextUser;
            for (int i = 0; i < SMALL_ACCOUNTS + smallFollowers; i++) {
                feeds.put(firstFollower + i, Timeline.empty());
            }
            Map<Long, FollowList> lists = new HashMap<>();
            long[] accounts = new long[SMALL_ACCOUNTS];
            for (int a = 0; a < SMALL_ACCOUNTS; a++) {
                accounts[a] = firstFollower + a;
                FollowList list = FollowList.EMPTY;
                for (int f = 1; f <= smallFollowers; f++) {
                    long fan = firstFollower + (a + f) % (SMALL_ACCOUNTS + smallFollowers);
                    list = list.with(fan, fan);
                }
                lists.put(accounts[a], list);
            }
            followers.putAll(lists);
            homes.putAll(feeds);
            long smallExpected = (long) SMALL_ACCOUNTS * (smallFollowers + 1);
            started = System.nanoTime();
            Map<Long, Tweet> posts = new HashMap<>();
            for (int a = 0; a < SMALL_ACCOUNTS; a++) {
                long id = 10_000L + a;
                posts.put(id, new Tweet(id, accounts[a], "small " + a, System.currentTimeMillis(), new long[0]));
            }
            tweets.setAll(posts); // posted at once: the figure is the fan-out's, not the posting loop's
            report(
                    "small accounts",
                    SMALL_ACCOUNTS + " accounts x " + smallFollowers + " followers, 1 tweet each",
                    smallExpected,
                    waitFor(homes, smallExpected),
                    started);
        } finally {
            second.shutdown();
            first.shutdown();
        }
    }

    /**
     * Waits until the fan-out has counted the expected updates (its own counter, as members publish it):
     * cheap to read, where counting the feeds' entries with a query every few hundred milliseconds took a
     * good share of the two cores it measures.
     */
    private static long waitFor(IMap<Long, Timeline> homes, long expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        double seen = 0;
        while (System.currentTimeMillis() < deadline) {
            var counter = UPDATES.find("flock.fanout.timeline.updates").counter(); // there once a batch is done
            seen = (counter == null ? 0 : counter.count()) - counted;
            if (seen >= expected) {
                counted += (long) seen;
                Long entries = homes.aggregate(Aggregators.count("ids[any]")); // every id of every feed
                if (entries == null || entries < expected) {
                    throw new IllegalStateException("the fan-out counted " + seen + " updates but the feeds hold "
                            + entries + " of " + expected + " entries");
                }
                return System.nanoTime();
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(
                "fan-out incomplete after " + TIMEOUT_MILLIS + " ms: " + seen + " of " + expected);
    }

    private static void report(String name, String shape, long inserts, long finished, long started) {
        double seconds = (finished - started) / 1e9;
        System.out.printf(
                "%-15s %-50s %,10d inserts in %6.2f s = %,10.0f inserts/s%n",
                name, shape, inserts, seconds, inserts / seconds);
    }

    private static Config config(Path yaml) throws IOException {
        try (FileInputStream in = new FileInputStream(yaml.toFile())) {
            Config config = new YamlConfigBuilder(in).build();
            config.setClusterName("fanout-bench-" + ProcessHandle.current().pid());
            config.setProperty("hazelcast.logging.type", "none");
            config.getNetworkConfig().setPort(15_801).setPortAutoIncrement(true);
            config.getNetworkConfig().getJoin().getTcpIpConfig().setMembers(java.util.List.of("127.0.0.1"));
            for (MapConfig map : config.getMapConfigs().values()) {
                map.getMapStoreConfig().setEnabled(false);
            }
            DomainSerializers.registerAll(config.getSerializationConfig().getCompactSerializationConfig());
            return config;
        }
    }
}
