package flock.mapstores;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MapConfig;
import flock.domain.FlakeIds;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CountsHorizonTest {
    private static final long STARTED = 1_800_000_000_000L;
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private final CountsHorizon horizon = new CountsHorizon(STARTED, HOUR);

    /** An id made at that moment, as the flake id generator makes them. */
    private static long tweetPostedAt(long millis) {
        return (millis - FlakeIds.EPOCH_MILLIS) << 22 | 5;
    }

    @Test
    void should_skip_cassandra_for_a_tweet_posted_after_the_start_and_younger_than_the_max_idle_time() {
        long posted = STARTED + Duration.ofMinutes(10).toMillis();

        assertThat(horizon.onlyInMemory(
                        tweetPostedAt(posted), posted + Duration.ofMinutes(5).toMillis()))
                .isTrue();
    }

    @Test
    void should_read_a_tweet_posted_before_the_member_started_which_a_full_restart_may_have_left_only_in_cassandra() {
        long posted = STARTED - Duration.ofMinutes(10).toMillis();

        assertThat(horizon.onlyInMemory(tweetPostedAt(posted), STARTED + 1_000)).isFalse();
    }

    @Test
    void should_read_a_tweet_posted_within_the_clock_margin_of_the_start() {
        long posted = STARTED + CountsHorizon.CLOCK_MARGIN_MILLIS / 2;

        assertThat(horizon.onlyInMemory(tweetPostedAt(posted), posted + 1_000)).isFalse();
    }

    @Test
    void should_read_a_tweet_old_enough_for_its_counts_to_have_been_dropped_unread() {
        long posted = STARTED + Duration.ofMinutes(10).toMillis();
        long almostAnHourLater = posted + HOUR - CountsHorizon.CLOCK_MARGIN_MILLIS / 2;

        assertThat(horizon.onlyInMemory(tweetPostedAt(posted), almostAnHourLater))
                .isFalse();
    }

    @Test
    void should_skip_cassandra_for_any_tweet_posted_since_the_start_when_the_map_never_drops_entries() {
        CountsHorizon keptForGood = new CountsHorizon(STARTED, 0);
        long posted = STARTED + Duration.ofMinutes(10).toMillis();

        assertThat(keptForGood.onlyInMemory(
                        tweetPostedAt(posted), posted + Duration.ofDays(30).toMillis()))
                .isTrue();
    }

    @Test
    void should_take_the_shorter_of_max_idle_and_time_to_live_and_read_everything_when_the_map_evicts_by_size() {
        MapConfig idle = new MapConfig("stats").setMaxIdleSeconds(3600);

        assertThat(CountsHorizon.of(idle, STARTED)).isEqualTo(horizon);
        assertThat(CountsHorizon.of(new MapConfig(idle).setTimeToLiveSeconds(600), STARTED)
                        .maxIdleMillis())
                .isEqualTo(Duration.ofMinutes(10).toMillis());
        assertThat(CountsHorizon.of(new MapConfig("stats").setTimeToLiveSeconds(600), STARTED)
                        .maxIdleMillis())
                .isEqualTo(Duration.ofMinutes(10).toMillis());
        MapConfig bySize = new MapConfig(idle);
        bySize.getEvictionConfig().setEvictionPolicy(EvictionPolicy.LRU);
        assertThat(CountsHorizon.of(bySize, STARTED)).isEqualTo(CountsHorizon.LOAD_EVERYTHING);
    }

    @Test
    void should_read_every_tweet_before_the_store_started() {
        long now = System.currentTimeMillis();

        assertThat(CountsHorizon.LOAD_EVERYTHING.onlyInMemory(tweetPostedAt(now), now))
                .isFalse();
    }
}
