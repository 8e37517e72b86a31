package flock.benchmarks.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScalingTargetsTest {

    @Test
    void should_judge_the_fan_out_at_its_slowest_size_and_reads_from_the_smallest_to_the_largest() {
        List<String> lines = ScalingTargets.lines(List.of(
                point(10_000, 200_000, 2.0, 8.0, 10_000, 10_000), // 100,000 inserts/s
                point(1_000_000, 200_000, 2.5, 17.0, 8_500, 9_000))); // 80,000 inserts/s; 85% of the pages, p99 2.1x

        assertThat(lines.get(0))
                .isEqualTo("Fan-out timeline inserts/s (scaling stage, 2 shared cores): 100,000 / 80,000 at 10,000 /"
                        + " 1,000,000 users (target >= 100,000 at every size): **not met**");
        assertThat(lines.get(1))
                .isEqualTo("Closed-loop home pages/s, 10,000 -> 1,000,000 users: 10,000 -> 8,500, 85% kept (target"
                        + " >= 80%): **met**; read p99 8.00 -> 17.00 ms, 2.1x (target <= 2x): **not met**; over the"
                        + " same 10,000 readers at every size, each read before: 10,000 -> 9,000, 90% kept");
    }

    @Test
    void should_say_nothing_of_reads_kept_with_one_size_only() {
        assertThat(ScalingTargets.lines(List.of(point(10_000, 300_000, 2.0, 8.0, 10_000, 10_000))))
                .singleElement()
                .asString()
                .endsWith("150,000 at 10,000 users (target >= 100,000 at every size): **met**");
    }

    private static ScalePoint point(
            int users, long inserts, double seconds, double p99, double pages, double pagesOfReadersSeen) {
        return new ScalePoint(
                users, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, inserts, seconds, 1, p99, 0, pages, pagesOfReadersSeen);
    }
}
