package flock.apinode;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.client.test.TestHazelcastFactory;
import com.hazelcast.config.Config;
import com.hazelcast.config.MapStoreConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.MapStore;
import com.hazelcast.map.ReachedMaxSizeException;
import flock.apinode.grid.GridClient;
import flock.apinode.paging.PageRequest;
import flock.domain.MapNames;
import flock.domain.tweet.Tweet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A post refused because the write-behind queue is at its bound (the database is down) leaves nothing behind: no id
 * in the author's timeline that names no tweet, no count of a tweet that does not exist. A grid of its own, whose
 * tweets store always fails, so that the queue only grows.
 */
class RefusedPostTest {
    /** hazelcast.map.write.behind.queue.capacity for this grid's tweets queue: reached after this many posts. */
    private static final int BOUND = 20;

    private final TestHazelcastFactory factory = new TestHazelcastFactory();

    @AfterEach
    void stop() {
        factory.terminateAll(); // no graceful flush: the store never succeeds
    }

    @Test
    void should_leave_no_id_and_no_count_of_a_post_refused_at_the_queue_bound() {
        HazelcastInstance client = gridWithAFailingTweetStore();
        ApiServices api = ApiServices.wire(client);
        long author = api.accounts()
                .signUp("refused_" + ProcessHandle.current().pid() % 1000, "Refused")
                .user()
                .id();
        List<Long> acknowledged = new ArrayList<>();
        int refusals = 0;
        for (int i = 0; i < BOUND * 2 && refusals < 3; i++) {
            try {
                acknowledged.add(api.tweets()
                        .post(author, "tweet " + i, new long[0])
                        .tweet()
                        .id());
            } catch (ReachedMaxSizeException refused) {
                refusals++;
            }
        }

        long[] timeline = api.tweets().userTimelinePage(author, new PageRequest(100, Long.MAX_VALUE, 0));

        assertThat(refusals).as("posts refused at the bound").isEqualTo(3);
        assertThat(acknowledged).as("posts taken before the bound").isNotEmpty().hasSizeLessThanOrEqualTo(BOUND);
        assertThat(timeline)
                .as("the author's timeline: every acknowledged id, newest first, and nothing else")
                .containsExactly(acknowledged.reversed().stream()
                        .mapToLong(Long::longValue)
                        .toArray());
        assertThat(api.tweets().countOf(author).join()).isEqualTo(acknowledged.size());
    }

    private HazelcastInstance gridWithAFailingTweetStore() {
        Config config = TestGrid.memberConfig();
        config.setProperty("hazelcast.map.write.behind.queue.capacity", String.valueOf(BOUND));
        MapStoreConfig yaml = config.getMapConfig(MapNames.TWEETS).getMapStoreConfig();
        config.getMapConfig(MapNames.TWEETS)
                .setMapStoreConfig(new MapStoreConfig()
                        .setEnabled(true)
                        .setImplementation(new DatabaseDown())
                        .setWriteDelaySeconds(yaml.getWriteDelaySeconds())
                        .setWriteBatchSize(yaml.getWriteBatchSize())
                        // Hazelcast's own bound of a non-coalescing queue stands in for the members' (WriteBehindBound,
                        // in grid-node): what is tested here is the API's answer to a refused put, whoever refuses it.
                        .setWriteCoalescing(false));
        factory.newHazelcastInstance(config);
        return factory.newHazelcastClient(GridClient.config(io.helidon.config.Config.empty()));
    }

    /** A store whose database never answers: what Cassandra is to the members during an outage. */
    private static final class DatabaseDown implements MapStore<Long, Tweet> {
        @Override
        public void store(Long key, Tweet value) {
            throw new IllegalStateException("the database is down");
        }

        @Override
        public void storeAll(Map<Long, Tweet> map) {
            throw new IllegalStateException("the database is down");
        }

        @Override
        public void delete(Long key) {
            throw new IllegalStateException("the database is down");
        }

        @Override
        public void deleteAll(Collection<Long> keys) {
            throw new IllegalStateException("the database is down");
        }

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
