package flock.apinode.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When a node must tell the grid what it admitted: soon near the limit, seldom far from it. */
class LocalBucketTest {
    private static final long QUIET = Duration.ofSeconds(5).toNanos();
    private static final long START = 1_000_000_000L;

    @Test
    void should_leave_a_client_far_from_its_limit_unreported_until_the_quiet_interval_ends() {
        LocalBucket bucket =
                new LocalBucket("u:1", new LimitSettings.Limit(1_000, Duration.ofMinutes(5)), 1_000, START);

        for (int i = 0; i < 100; i++) {
            assertThat(bucket.tryTake(START)).isGreaterThanOrEqualTo(1);
        }

        assertThat(bucket.reportDue(START, QUIET)).as("100 of 900 left").isFalse();
        assertThat(bucket.reportDue(START + QUIET, QUIET)).as("5 s later").isTrue();
    }

    @Test
    void should_report_at_the_next_sync_once_an_eighth_of_what_is_left_was_admitted() {
        LocalBucket bucket = new LocalBucket("u:1", new LimitSettings.Limit(1_000, Duration.ofHours(1)), 1_000, START);

        for (int i = 0; i < 111; i++) {
            bucket.tryTake(START);
        }
        assertThat(bucket.reportDue(START, QUIET)).as("111 admitted, 889 left").isFalse();

        bucket.tryTake(START);
        assertThat(bucket.reportDue(START, QUIET)).as("112 admitted, 888 left").isTrue();
    }

    @Test
    void should_count_the_quiet_interval_from_the_last_report() {
        LocalBucket bucket = new LocalBucket("u:1", new LimitSettings.Limit(1_000, Duration.ofHours(1)), 1_000, START);
        bucket.tryTake(START);
        long reported = START + QUIET;

        assertThat(bucket.takeUnsent(reported)).isEqualTo(1);
        bucket.synced(999, reported);
        bucket.tryTake(reported);

        assertThat(bucket.reportDue(reported + QUIET - 1, QUIET)).isFalse();
        assertThat(bucket.reportDue(reported + QUIET, QUIET)).isTrue();
    }

    @Test
    void should_have_nothing_due_without_admitted_requests() {
        LocalBucket bucket = new LocalBucket("u:1", new LimitSettings.Limit(5, Duration.ofHours(1)), 5, START);

        assertThat(bucket.reportDue(START + QUIET, QUIET)).isFalse();
    }
}
