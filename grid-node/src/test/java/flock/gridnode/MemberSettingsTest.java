package flock.gridnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemberSettingsTest {
    @Test
    void should_snapshot_the_jobs_every_five_seconds_unless_told_otherwise() {
        assertThat(MemberSettings.from(key -> null).snapshotInterval()).isEqualTo(Duration.ofSeconds(5));
        Map<String, String> set = Map.of("jobs.snapshot-interval", "PT10S");
        assertThat(MemberSettings.from(set::get).snapshotInterval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void should_refuse_a_snapshot_interval_out_of_range_naming_the_key() {
        Map<String, String> zero = Map.of("jobs.snapshot-interval", "PT0S");
        assertThatThrownBy(() -> MemberSettings.from(zero::get)).hasMessageContaining("flock.jobs.snapshot-interval");
        Map<String, String> malformed = Map.of("jobs.snapshot-interval", "5 seconds");
        assertThatThrownBy(() -> MemberSettings.from(malformed::get))
                .hasMessageContaining("flock.jobs.snapshot-interval");
    }
}
