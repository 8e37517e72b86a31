package flock.mapstores;

import static org.assertj.core.api.Assertions.assertThat;

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
    void should_read_every_tweet_before_the_store_started() {
        long now = System.currentTimeMillis();

        assertThat(CountsHorizon.LOAD_EVERYTHING.onlyInMemory(tweetPostedAt(now), now))
                .isFalse();
    }
}
