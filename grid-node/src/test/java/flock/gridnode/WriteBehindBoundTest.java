package flock.gridnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * New tweets stop at a third of Hazelcast's write-behind bound while the database is down, and every tweet taken is
 * stored once it is back: the headroom above keeps Hazelcast from dropping a failed batch it puts back.
 */
class WriteBehindBoundTest {
    /** How long an asynchronous outcome may take on a busy 2-core machine before the test fails. */
    private static final Duration EVENTUALLY = Duration.ofMinutes(2);

    /** hazelcast.map.write.behind.queue.capacity here: new tweets stop at a third of it. */
    private static final int CAPACITY = 30;

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(1);
    private final AtomicBoolean databaseUp = new AtomicBoolean(false);
    private final Set<Long> stored = ConcurrentHashMap.newKeySet();

    @AfterEach
    void stop() {
        factory.terminateAll();
    }

    @Test
    void should_refuse_new_tweets_at_a_third_of_the_bound_and_store_every_one_taken() {
        HazelcastInstance member = factory.newHazelcastInstance(configWithADatabaseThatIsDown());
        WriteBehindBound.register(member);
        IMap<Long, Tweet> tweets = member.getMap(MapNames.TWEETS);
        int taken = 0;
        for (long id = 1; id <= CAPACITY / WriteBehindBound.HEADROOM_FACTOR; id++) {
            tweets.set(id, new Tweet(id, 1, "tweet " + id, id, new long[0]));
            taken++;
        }

        assertThatThrownBy(() -> tweets.set(99L, new Tweet(99, 1, "one too many", 99, new long[0])))
                .isInstanceOf(ReachedMaxSizeException.class)
                .hasMessageContaining("new tweets stop at " + CAPACITY / WriteBehindBound.HEADROOM_FACTOR);
        assertThat(tweets.containsKey(99L))
                .as("the refused tweet changed nothing")
                .isFalse();

        databaseUp.set(true);
        int expected = taken;
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(stored).hasSize(expected));
        tweets.set(100L, new Tweet(100, 1, "taken again", 100, new long[0]));
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(stored).contains(100L));
    }

    private Config configWithADatabaseThatIsDown() {
        Config config = MemberConfig.load(MemberSettings.from(key -> null));
        MemberConfig.disableMapStores(config);
        config.setProperty("hazelcast.map.write.behind.queue.capacity", String.valueOf(CAPACITY));
        config.getMapConfig(MapNames.TWEETS)
                .setMapStoreConfig(new MapStoreConfig()
                        .setEnabled(true)
                        .setImplementation(new Database())
                        .setWriteDelaySeconds(1)
                        .setWriteCoalescing(false));
        return config;
    }

    /** Stores nothing while the flag says the database is down (every call fails), everything once it is up. */
    private final class Database implements MapStore<Long, Tweet> {
        @Override
        public void store(Long key, Tweet value) {
            if (!databaseUp.get()) {
                throw new IllegalStateException("the database is down");
            }
            stored.add(key);
        }

        @Override
        public void storeAll(Map<Long, Tweet> map) {
            map.forEach(this::store);
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
