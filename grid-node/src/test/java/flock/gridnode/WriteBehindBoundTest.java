package flock.gridnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapStoreConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.MapStore;
import com.hazelcast.map.ReachedMaxSizeException;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import flock.domain.MapNames;
import flock.domain.tweet.Tweet;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * New tweets stop at the member's bound while the database is down, every tweet taken is stored once it is back, in
 * batches (the tweets map coalesces, so Hazelcast hands its MapStore many at once), and new tweets are taken again.
 */
class WriteBehindBoundTest {
    /** How long an asynchronous outcome may take on a busy 2-core machine before the test fails. */
    private static final Duration EVENTUALLY = Duration.ofMinutes(2);

    /** flock.write-behind.max-queued-tweets here. */
    private static final int BOUND = 10;

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(1);
    private final AtomicBoolean databaseUp = new AtomicBoolean(false);
    private final Set<Long> stored = ConcurrentHashMap.newKeySet();
    private final AtomicInteger largestBatch = new AtomicInteger();

    @AfterEach
    void stop() {
        factory.terminateAll();
    }

    @Test
    void should_refuse_new_tweets_at_the_bound_and_store_every_one_taken_in_batches() {
        HazelcastInstance member = factory.newHazelcastInstance(configWithADatabaseThatIsDown());
        WriteBehindBound.register(member, BOUND);
        IMap<Long, Tweet> tweets = member.getMap(MapNames.TWEETS);
        int taken = 0;
        ReachedMaxSizeException refusal = null;
        for (long id = 1; id <= 10 * BOUND && refusal == null; id++) {
            try {
                tweets.set(id, new Tweet(id, 1, "tweet " + id, id, new long[0]));
                taken++;
            } catch (ReachedMaxSizeException e) {
                refusal = e;
                assertThat(tweets.containsKey(id))
                        .as("the refused tweet changed nothing")
                        .isFalse();
            }
        }

        // Never past the bound. One short is allowed: a reading of the queue that races a put counts that put twice
        // until the next reading (WriteBehindBound.QueuedTweets errs on the side of refusing).
        assertThat(taken).as("tweets taken while the database is down").isBetween(BOUND - 1, BOUND);
        assertThat(refusal).isNotNull().hasMessageContaining("new tweets stop at " + BOUND);

        databaseUp.set(true);
        int expected = taken;
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(stored).hasSize(expected));
        assertThat(largestBatch.get()).as("the most tweets one store call got").isGreaterThan(1);
        await().atMost(EVENTUALLY).ignoreExceptions().until(() -> {
            tweets.set(1_000L, new Tweet(1_000, 1, "taken again", 1_000, new long[0]));
            return true;
        });
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(stored).contains(1_000L));
    }

    /** The tweets map as hazelcast.yaml configures it (coalescing, its delay and batch size), over a test database. */
    private Config configWithADatabaseThatIsDown() {
        Config config = MemberConfig.load(MemberSettings.from(key -> null));
        MapStoreConfig yaml = config.getMapConfig(MapNames.TWEETS).getMapStoreConfig();
        MemberConfig.disableMapStores(config);
        config.getMapConfig(MapNames.TWEETS)
                .setMapStoreConfig(new MapStoreConfig()
                        .setEnabled(true)
                        .setImplementation(new Database())
                        .setWriteDelaySeconds(yaml.getWriteDelaySeconds())
                        .setWriteBatchSize(yaml.getWriteBatchSize())
                        .setWriteCoalescing(yaml.isWriteCoalescing()));
        return config;
    }

    /** Stores nothing while the flag says the database is down (every call fails), everything once it is up. */
    private final class Database implements MapStore<Long, Tweet> {
        @Override
        public void store(Long key, Tweet value) {
            storeAll(Map.of(key, value));
        }

        @Override
        public void storeAll(Map<Long, Tweet> map) {
            if (!databaseUp.get()) {
                throw new IllegalStateException("the database is down");
            }
            largestBatch.accumulateAndGet(map.size(), Math::max);
            stored.addAll(map.keySet());
        }

        @Override
        public void delete(Long key) {}

        @Override
        public void deleteAll(Collection<Long> keys) {}

        @Override
        public Tweet load(Long key) {
            return null;
        }

        @Override
        public Map<Long, Tweet> loadAll(Collection<Long> keys) {
            return Map.of();
        }

        @Override
        public Iterable<Long> loadAllKeys() {
            return null;
        }
    }
}
