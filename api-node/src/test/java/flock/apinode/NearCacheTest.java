package flock.apinode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import flock.apinode.account.Accounts;
import flock.domain.FlockException;
import flock.domain.MapNames;
import flock.domain.account.User;
import flock.domain.tweet.Tweet;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Two API nodes' grid clients: what one deletes or changes, the other stops serving from its near cache
 * within a bounded time, because members send invalidations at once (hazelcast.yaml turns batching off).
 */
class NearCacheTest {
    /** Invalidations arrive in milliseconds; batched ones could take 10 s, which this bound would catch. */
    private static final int BOUND_SECONDS = 3;

    private final HazelcastInstance nodeA = TestGrid.newApiNodeClient();
    private final HazelcastInstance nodeB = TestGrid.newApiNodeClient();

    @Test
    void should_serve_reads_from_the_near_cache() {
        IMap<Long, Tweet> tweets = nodeA.getMap(MapNames.TWEETS);
        tweets.set(7_001L, new Tweet(7_001L, 1L, "cached", 0, new long[0]));
        tweets.get(7_001L);
        tweets.get(7_001L);
        assertThat(tweets.getLocalMapStats().getNearCacheStats().getHits()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void should_stop_serving_a_tweet_deleted_on_another_node() {
        IMap<Long, Tweet> onA = nodeA.getMap(MapNames.TWEETS);
        IMap<Long, Tweet> onB = nodeB.getMap(MapNames.TWEETS);
        onA.set(7_002L, new Tweet(7_002L, 1L, "doomed", 0, new long[0]));
        assertThat(onB.get(7_002L)).isNotNull();
        assertThat(fromNearCache(onB, () -> onB.get(7_002L))).isNotNull();

        onA.remove(7_002L);

        await().atMost(Duration.ofSeconds(BOUND_SECONDS))
                .untilAsserted(() -> assertThat(onB.get(7_002L)).isNull());
    }

    @Test
    void should_show_a_changed_profile_on_another_node() {
        IMap<Long, User> onA = nodeA.getMap(MapNames.USERS);
        IMap<Long, User> onB = nodeB.getMap(MapNames.USERS);
        onA.set(7_003L, new User(7_003L, "nc_user", "Before", 0));
        assertThat(onB.get(7_003L).displayName()).isEqualTo("Before");
        assertThat(fromNearCache(onB, () -> onB.get(7_003L)).displayName()).isEqualTo("Before");

        onA.set(7_003L, new User(7_003L, "nc_user", "After", 0));

        await().atMost(Duration.ofSeconds(BOUND_SECONDS))
                .untilAsserted(() -> assertThat(onB.get(7_003L).displayName()).isEqualTo("After"));
    }

    @Test
    void should_refuse_a_rotated_token_on_another_node() {
        Accounts onA = new Accounts(nodeA);
        Accounts onB = new Accounts(nodeB);
        Accounts.SignUp signUp =
                onA.signUp("nc_rotate_" + ProcessHandle.current().pid() % 1000, "Rotating");
        long id = signUp.user().id();
        Optional<String> old = Optional.of("Bearer " + signUp.token());
        assertThat(onB.authenticate(old)).isEqualTo(id);
        assertThat(fromNearCache(nodeB.getMap(MapNames.CREDENTIALS), () -> onB.authenticate(old)))
                .isEqualTo(id);

        String fresh = onA.rotateToken(old, id);

        await().atMost(Duration.ofSeconds(BOUND_SECONDS))
                .untilAsserted(
                        () -> assertThatThrownBy(() -> onB.authenticate(old)).isInstanceOf(FlockException.class));
        assertThat(onB.authenticate(Optional.of("Bearer " + fresh))).isEqualTo(id);
    }

    /**
     * Reads until the map's near cache answers the read (its hit count grows by one), and answers the value read:
     * without this, the invalidation tests above would pass with the near cache turned off. It takes more than one
     * read when the invalidation of the write that created the entry arrives after the first read cached it.
     */
    private static <T> T fromNearCache(IMap<?, ?> map, Supplier<T> read) {
        java.util.concurrent.atomic.AtomicReference<T> value = new java.util.concurrent.atomic.AtomicReference<>();
        await().atMost(Duration.ofSeconds(BOUND_SECONDS)).untilAsserted(() -> {
            long before = map.getLocalMapStats().getNearCacheStats().getHits();
            value.set(read.get());
            assertThat(map.getLocalMapStats().getNearCacheStats().getHits())
                    .as("the read of %s served from the near cache", map.getName())
                    .isEqualTo(before + 1);
        });
        return value.get();
    }
}
