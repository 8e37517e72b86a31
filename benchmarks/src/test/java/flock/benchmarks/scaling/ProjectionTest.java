package flock.benchmarks.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProjectionTest {
    /**
     * 1,000 users: accounts add 2,000,000 bytes (both copies), empty feeds 600,000, a sample of 10 full
     * feeds 160,000 (8,000 entries: 10 bytes each per copy); 100 tweets make 2,000 updates in 2 s.
     */
    private static final ScalePoint POINT = new ScalePoint(
            1_000, 20_000, 100, 1_000_000, 3_000_000, 3_600_000, 3_700_000, 3_650_000, 8_000, 3_810_000, 60_000, 2_000,
            2.0, 1.0, 5.0, 0, 4_000, 4_000);

    @Test
    void should_derive_per_user_and_per_entry_costs_per_copy() {
        assertThat(POINT.accountBytesPerUser()).isEqualTo(1_000);
        assertThat(POINT.bytesPerEmptyFeed()).isEqualTo(300);
        assertThat(POINT.bytesPerTimelineEntry()).isEqualTo(10);
        assertThat(POINT.updatesPerSecond()).isEqualTo(1_000);
    }

    @Test
    void should_project_memory_and_machines_to_200_million_users() {
        Projection projection = new Projection(POINT, 6_000);

        assertThat(projection.postsPerSecond()).isCloseTo(2_314.8, within(0.1));
        // 200M x (300 + 800 x 10) x 2 copies
        assertThat(projection.feedBytes()).isEqualTo(200e6 * 8_300 * 2);
        assertThat(projection.accountBytes()).isEqualTo(200e6 * 1_000 * 2);
        // 2,000 updates for 100 tweets: 20 per post; 500 inserts/s per core
        assertThat(projection.insertsPerPost()).isEqualTo(20);
        assertThat(projection.fanOutCores()).isEqualTo(Math.ceil(2_314.81 * 3 * 20 / 500));
        assertThat(projection.cassandraNodes()).isEqualTo(Math.ceil(2_314.81 * 3 * 2 * 3 / 6_000));
        assertThat(projection.lines()).anyMatch(line -> line.startsWith("| grid members |"));
    }
}
