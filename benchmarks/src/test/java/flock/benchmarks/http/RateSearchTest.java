package flock.benchmarks.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;

class RateSearchTest {
    private static final Duration PROFILE_PROBE = Duration.ofSeconds(3);

    @Test
    void theIdleLogNamesEachProcessGroupInOrderWithItsCores() {
        String line = RateSearch.byProcess(java.util.Map.of("members", 0.114, "Cassandra", 0.02), "%.2f");

        assertThat(line).isEqualTo("Cassandra 0.02, members 0.11");
    }

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

    @Test
    void theFirstSearchStepsDownUntilAProbeHoldsThenBisects() {
        List<Long> asked = new ArrayList<>();

        double found = RateSearch.firstSearch(10_000, 2, holdingUpTo(6_000, asked));

        assertThat(asked).containsExactly(9_000L, 7_000L, 5_000L, 6_000L, 6_500L);
        assertThat(found).isEqualTo(6_000);
    }

    @Test
    void aRepeatThatHoldsWhereTheFirstEndedStepsUpATenthWhileProbesHoldTwiceAtMost() {
        List<Long> once = new ArrayList<>();
        assertThat(RateSearch.repeatSearch(5_000, holdingUpTo(5_600, once))).isEqualTo(5_500, within(1e-6));
        assertThat(once).containsExactly(5_000L, 5_500L, 6_050L);

        List<Long> twice = new ArrayList<>();
        assertThat(RateSearch.repeatSearch(5_000, holdingUpTo(9_000, twice)))
                .as("a first search that met a stall high up is brought back, not past two steps")
                .isEqualTo(6_050, within(1e-6));
        assertThat(twice).containsExactly(5_000L, 5_500L, 6_050L);

        assertThat(RateSearch.repeatSearch(5_000, holdingUpTo(5_200, new ArrayList<>())))
                .isEqualTo(5_000);
    }

    @Test
    void aRepeatThatFailsWhereTheFirstEndedStepsDownATenthAtATime() {
        List<Long> asked = new ArrayList<>();

        double found = RateSearch.repeatSearch(5_000, holdingUpTo(4_000, asked));

        assertThat(found).isEqualTo(3_645, within(1e-6)); // 5,000 x 0.9^3: 4,500 and 4,050 fail
        assertThat(asked).hasSize(4);
    }

    @Test
    void aRepeatFarBelowTheFirstSearchHalvesRatherThanCountingAsNoRate() {
        List<Long> halved = new ArrayList<>();
        assertThat(RateSearch.repeatSearch(5_000, holdingUpTo(1_000, halved)))
                .as("three tenths down fail, then halves: 1,822 fails, 911 holds; half way back up, 1,367 fails")
                .isEqualTo(911.25, within(1e-6));
        assertThat(halved).containsExactly(5_000L, 4_500L, 4_050L, 3_645L, 1_823L, 911L, 1_367L);

        List<Long> bisected = new ArrayList<>();
        assertThat(RateSearch.repeatSearch(5_000, holdingUpTo(3_000, bisected)))
                .as("1,822 holds after 3,645 failed: the probe half way between, 2,734, holds too")
                .isEqualTo(2_733.75, within(1e-6));
        assertThat(bisected).containsExactly(5_000L, 4_500L, 4_050L, 3_645L, 1_823L, 2_734L);

        List<Long> givenUp = new ArrayList<>();
        assertThat(RateSearch.repeatSearch(5_000, holdingUpTo(100, givenUp)))
                .as("below an eighth of the first search: given up")
                .isZero();
        assertThat(givenUp).hasSize(7);
        assertThat(RateSearch.repeatSearch(0, holdingUpTo(100, new ArrayList<>())))
                .isZero();
    }

    @Test
    void theMaxRateIsTheMedianSearch() {
        assertThat(RateSearch.median(List.of(5_000.0, 4_000.0, 6_000.0))).isEqualTo(5_000);
        assertThat(RateSearch.median(List.of(7_000.0))).isEqualTo(7_000);
    }

    /** Probes that hold at or below {@code limit}, each rate asked recorded (rounded). */
    private static DoubleFunction<RateSearch.Probe> holdingUpTo(double limit, List<Long> asked) {
        return rate -> {
            asked.add(Math.round(rate));
            return new RateSearch.Probe(rate, null, rate <= limit);
        };
    }
}
