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

    @Test
    void should_bound_the_queued_tweets_at_fifty_thousand_unless_told_otherwise() {
        assertThat(MemberSettings.from(key -> null).maxQueuedTweets()).isEqualTo(50_000);
        Map<String, String> set = Map.of("write-behind.max-queued-tweets", "400");
        assertThat(MemberSettings.from(set::get).maxQueuedTweets()).isEqualTo(400);
    }

    @Test
    void should_refuse_fewer_than_one_cooperative_thread_naming_the_key() {
        Map<String, String> zero = Map.of("jobs.cooperative-threads", "0");
        assertThatThrownBy(() -> MemberSettings.from(zero::get)).hasMessageContaining("flock.jobs.cooperative-threads");
    }

    @Test
    void should_refuse_a_queued_tweets_bound_below_one_or_not_a_number_naming_the_key() {
        Map<String, String> zero = Map.of("write-behind.max-queued-tweets", "0");
        assertThatThrownBy(() -> MemberSettings.from(zero::get))
                .hasMessageContaining("flock.write-behind.max-queued-tweets");
        Map<String, String> words = Map.of("write-behind.max-queued-tweets", "many");
        assertThatThrownBy(() -> MemberSettings.from(words::get))
                .hasMessageContaining("flock.write-behind.max-queued-tweets");
    }
}
