package flock.gridnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import flock.domain.MapNames;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fan-out asks the pull registry about every tweet's author; members keep the answers near (see hazelcast.yaml). A
 * repeated question, "not pulled" included, costs no operation, and a switch reaches the member within the time its
 * invalidation takes, not the cache's lifetime.
 */
class PullRegistryNearCacheTest {
    private static final long AUTHOR = 42;

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(2);

    @AfterEach
    void stop() {
        factory.shutdownAll();
    }

    @Test
    void should_answer_a_repeated_lookup_near_and_see_a_switch_within_seconds() {
        HazelcastInstance fanOutSide = factory.newHazelcastInstance(InMemoryMembers.config());
        HazelcastInstance other = factory.newHazelcastInstance(InMemoryMembers.config());
        IMap<Long, String> registry = fanOutSide.getMap(MapNames.PULL_ACCOUNTS);

        assertThat(registry.get(AUTHOR)).isNull();
        assertThat(registry.get(AUTHOR)).as("not pulled, answered again").isNull();
        assertThat(registry.getLocalMapStats().getNearCacheStats().getHits())
                .as("the second lookup answered near, a null included")
                .isEqualTo(1);

        other.<Long, String>getMap(MapNames.PULL_ACCOUNTS).set(AUTHOR, MapNames.PULL_MIGRATING);

        await().atMost(Duration.ofSeconds(3)).until(() -> MapNames.PULL_MIGRATING.equals(registry.get(AUTHOR)));
    }
}
