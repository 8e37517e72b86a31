package flock.gridnode;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import flock.domain.MapNames;
import flock.domain.engagement.BucketSize;
import flock.domain.engagement.TweetStats;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A grid without persistence gives every tweet counts, empty until something counts: entries a near cache can keep. */
class EmptyCountsTest {
    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(1);

    @AfterEach
    void stop() {
        factory.shutdownAll();
    }

    @Test
    void should_load_counts_nobody_made_as_empty_entries_and_keep_those_made() {
        HazelcastInstance member = factory.newHazelcastInstance(InMemoryMembers.config());
        IMap<Long, TweetStats> stats = member.getMap(MapNames.TWEET_STATS);
        TweetStats liked = TweetStats.empty().withLikeBucket(0, new BucketSize(1, 1));
        stats.set(3L, liked);

        Map<Long, TweetStats> shown = stats.getAll(Set.of(1L, 2L, 3L));

        assertThat(shown).containsOnlyKeys(1L, 2L, 3L);
        assertThat(shown.get(1L).likes()).isZero();
        assertThat(shown.get(2L).likes()).isZero();
        assertThat(shown.get(3L).likes()).as("counts already made stay").isEqualTo(1);
        assertThat(stats.size()).as("the empty counts are entries now").isEqualTo(3);
        assertThat(member.getMap(MapNames.TWEETS).get(1L))
                .as("every other map still reads nothing through")
                .isNull();
    }
}
