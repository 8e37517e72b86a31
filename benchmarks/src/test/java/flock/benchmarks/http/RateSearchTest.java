package flock.benchmarks.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateSearchTest {
    private static final Duration PROFILE_PROBE = Duration.ofSeconds(3);

    @Test
    void probesAtHighRatesLastTheProfilesLength() {
        assertThat(RateSearch.probeLength(PROFILE_PROBE, 20_000)).isEqualTo(PROFILE_PROBE);
        assertThat(RateSearch.probeLength(PROFILE_PROBE, 334)).isEqualTo(PROFILE_PROBE);
    }

    @Test
    void probesAtLowRatesRunUntilTheyHaveSentEnoughRequestsForAP99() {
        Duration length = RateSearch.probeLength(PROFILE_PROBE, 86);

        assertThat(length).isEqualTo(Duration.ofMillis(11_628));
        assertThat(86 * length.toMillis() / 1_000.0).isGreaterThanOrEqualTo(RateSearch.MIN_PROBE_REQUESTS);
    }
}
