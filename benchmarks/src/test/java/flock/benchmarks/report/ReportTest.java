package flock.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import flock.benchmarks.http.LoadResult;
import flock.benchmarks.http.Mix;
import flock.benchmarks.http.RateSearch;
import flock.benchmarks.http.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @Test
    void should_judge_each_target_from_the_measurements(@TempDir Path dir) throws Exception {
        Report report = new Report(20);
        report.add(measured(Target.CEILING, Mix.HOME_ONLY, 10_000, 20_000, 1));
        report.add(measured(Target.FLOCK_HYBRID, Mix.HOME_ONLY, 6_000, 9_000, 4));
        report.add(measured(Target.REDIS, Mix.HOME_ONLY, 4_000, 5_000, 2));
        // Pull on read holds the bound at 100 req/s but reaches 2,000 closed loop: 60x and 4.5x.
        report.add(measured(Target.PULL, Mix.HOME_ONLY, 100, 2_000, 200));
        // 1,000 posts/s at 1,000 + 2,000 us a post, less 0.2 idle cores (200 us a post): 2,800 us.
        report.add(measured(Target.FLOCK_HYBRID, Mix.POSTS_ONLY, 500, 1_000, 8));

        String text = Files.readString(report.write(dir, "run", "test run"));

        assertThat(text)
                .contains("Flock / ceiling = 0.60 at max rate, 0.45 closed loop (target >= 0.5 both): **not met**")
                .contains("Flock / Redis design = 1.50 at equal p99 bound (1.80 closed loop): **met**")
                .contains("Flock / pull on read = 60.0 at equal p99 bound, 4.5 closed loop (target >= 5 both):"
                        + " **not met**")
                .contains("Flock p99 at 50% of its max rate = 4.00 ms (target < 10 ms): **met**")
                .contains("CPU per post, all processes, net of idle (posts only, closed loop): 2,800 µs"
                        + " (target <= 1,500 µs): **not met**");
        assertThat(dir.resolve("run-1.png")).exists();
    }

    @Test
    void should_plot_the_fan_out_lag_only_for_mixes_with_posts(@TempDir Path dir) throws Exception {
        Report report = new Report(20);
        report.add(measured(Target.FLOCK_PUSH, Mix.HOME_ONLY, 6_000, 9_000, 4));
        report.add(withLag(measured(Target.FLOCK_PUSH, Mix.DEATH_STAR_BENCH, 400, 2_000, 6), 30, 900));
        report.add(withHeadHits(
                withLag(measured(Target.FLOCK_HYBRID, Mix.DEATH_STAR_BENCH, 350, 1_900, 7), 25, 200), 0.87));

        String text = Files.readString(report.write(dir, "run", "test run"));

        assertThat(text).contains("## Fan-out lag").contains("(run-lag.png)");
        assertThat(text)
                .as("the hit share of feed heads where measured, a dash where not")
                .contains("| <= 25 / <= 200 ms | 87% |")
                .contains("| <= 30 / <= 900 ms | - |");
        assertThat(dir.resolve("run-lag.png")).exists();
        Report readsOnly = new Report(20);
        readsOnly.add(measured(Target.FLOCK_PUSH, Mix.HOME_ONLY, 6_000, 9_000, 4));
        assertThat(Files.readString(readsOnly.write(dir, "reads", "reads only")))
                .doesNotContain("Fan-out lag");
    }

    @Test
    void should_start_the_headline_targets_lines_as_the_whole_runs_verdict_looks_for_them(@TempDir Path dir)
            throws Exception {
        Report report = new Report(20);
        report.add(measured(Target.CEILING, Mix.HOME_ONLY, 10_000, 20_000, 1));
        report.add(measured(Target.FLOCK_HYBRID, Mix.HOME_ONLY, 6_000, 9_000, 4));
        report.add(measured(Target.FLOCK_HYBRID, Mix.POSTS_ONLY, 500, 1_000, 8));
        for (Mix withPosts : List.of(Mix.DEATH_STAR_BENCH, Mix.READ_HEAVY)) {
            report.add(measured(Target.FLOCK_HYBRID, withPosts, 3_000, 6_000, 5));
            report.add(measured(Target.REDIS, withPosts, 2_000, 7_000, 5));
        }

        List<String> lines = Files.readAllLines(report.write(dir, "run", "test run"));

        for (Map.Entry<String, String> headline : flock.benchmarks.AllRun.HEADLINE) {
            assertThat(lines).as(headline.getValue()).anyMatch(line -> line.startsWith("- " + headline.getKey()));
        }
    }

    @Test
    void should_show_a_ratio_just_below_its_target_with_the_decimals_that_keep_it_below() {
        assertThat(Report.against(0.4966, 0.5)).isEqualTo("0.497");
        assertThat(Report.against(0.99996, 1)).isEqualTo("0.99996");
        assertThat(Report.against(0.5003, 0.5)).isEqualTo("0.50");
        assertThat(Report.against(1.37, 1)).isEqualTo("1.37");
    }

    @Test
    void should_put_the_ceiling_first_in_its_table_even_when_measured_last(@TempDir Path dir) throws Exception {
        Report report = new Report(20);
        report.add(measured(Target.FLOCK_HYBRID, Mix.HOME_ONLY, 6_000, 9_000, 4));
        report.add(measured(Target.REDIS, Mix.HOME_ONLY, 4_000, 5_000, 2));
        report.add(measured(Target.CEILING, Mix.HOME_ONLY, 10_000, 20_000, 1));

        String text = Files.readString(report.write(dir, "run", "test run"));

        int ceiling = text.indexOf("| ceiling (fixed page) |");
        assertThat(ceiling).isPositive().isLessThan(text.indexOf("| Flock hybrid |"));
        assertThat(text).contains("Flock / ceiling = 0.60 at max rate");
    }

    @Test
    void should_show_where_each_systems_cpu_went(@TempDir Path dir) throws Exception {
        Report report = new Report(20);
        report.add(measured(Target.CEILING, Mix.HOME_ONLY, 10_000, 20_000, 1));
        report.add(measured(Target.FLOCK_HYBRID, Mix.HOME_ONLY, 6_000, 8_000, 4));

        String text = Files.readString(report.write(dir, "run", "test run"));

        assertThat(text)
                .contains(
                        "| system | members | API node | all | all, net of idle | JIT | idle, cores | at 50%, net of idle |")
                .as("no JIT figure where the runs measured none")
                .contains("| ceiling (fixed page) | 50 | 100 | 150 | 140 | - | 0.20 | 125 |")
                .contains("| Flock hybrid | 125 | 250 | 375 | 350 | - | 0.20 | 313 |");
    }

    @Test
    void should_show_the_jit_compilers_share_of_the_median_run_with_its_spread(@TempDir Path dir) throws Exception {
        Report report = new Report(20);
        Measurement flock = measured(Target.FLOCK_HYBRID, Mix.DEATH_STAR_BENCH, 4_000, 6_000, 4);
        List<RateSearch.ClosedLoop> runs = List.of(
                new RateSearch.ClosedLoop(5_000, 300, 60),
                new RateSearch.ClosedLoop(6_000, 280, 40),
                new RateSearch.ClosedLoop(7_000, 260, 10));
        report.add(with(flock, flock.capacity().searchedRates(), runs));

        String text = Files.readString(report.write(dir, "run", "test run"));

        assertThat(text).contains("| 40 (10-60) | 0.20 |");
    }

    @Test
    void should_give_the_median_closed_loop_with_the_spread_of_repeated_runs(@TempDir Path dir) throws Exception {
        Report report = new Report(20);
        report.add(repeated(measured(Target.CEILING, Mix.HOME_ONLY, 10_000, 20_000, 1), 18_000, 20_000, 25_000));
        report.add(repeated(measured(Target.FLOCK_HYBRID, Mix.HOME_ONLY, 6_000, 9_000, 4), 8_000, 9_000, 9_500));

        String text = Files.readString(report.write(dir, "run", "test run"));

        assertThat(text)
                .as("the median with the lowest and highest run, and the ratio's spread over all runs")
                .contains("| Flock hybrid | 6,000 | 9,000 (8,000-9,500) |")
                .contains("0.45 closed loop (0.32-0.53 over 3 and 3 runs)")
                .contains("| 311 (295-350) |");
    }

    @Test
    void should_give_the_median_max_rate_with_the_spread_of_repeated_searches(@TempDir Path dir) throws Exception {
        Report report = new Report(20);
        report.add(searched(measured(Target.FLOCK_HYBRID, Mix.READ_HEAVY, 5_000, 9_000, 4), 4_500, 5_000, 5_500));
        report.add(searched(measured(Target.REDIS, Mix.READ_HEAVY, 6_000, 9_000, 3), 6_000, 6_600, 5_400));
        report.add(searched(measured(Target.CEILING, Mix.HOME_ONLY, 20_000, 40_000, 1), 18_000, 20_000, 22_000));
        report.add(measured(Target.FLOCK_HYBRID, Mix.HOME_ONLY, 10_000, 20_000, 4));

        String text = Files.readString(report.write(dir, "run", "test run"));

        assertThat(text)
                .as("the median search with the lowest and highest, and the ratio's spread over every pair")
                .contains("| Flock hybrid | 5,000 (4,500-5,500) | 9,000 |")
                .contains("Flock / Redis design = 0.83 at equal p99 bound (0.68-1.02 over 3 and 3 searches)"
                        + " (1.00 closed loop): **not met**")
                .as("no spread where one side was searched once")
                .contains("Flock / ceiling = 0.50 at max rate, 0.50 closed loop (target >= 0.5 both): **met**");
    }

    @Test
    void should_not_judge_a_bound_ratio_when_the_other_system_held_the_bound_at_no_rate(@TempDir Path dir)
            throws Exception {
        Report report = new Report(20);
        report.add(searched(measured(Target.FLOCK_HYBRID, Mix.DEATH_STAR_BENCH, 3_341, 7_000, 4), 3_341, 0, 3_000));
        report.add(searched(measured(Target.REDIS, Mix.DEATH_STAR_BENCH, 0, 7_000, 3), 0, 6_432, 0));

        String text = Files.readString(report.write(dir, "run", "test run"));

        assertThat(text)
                .contains("DeathStarBench 60/30/10: Flock / Redis design at equal p99 bound: no ratio, the Redis design"
                        + " held the bound at no rate in 2 of 3 searches (1.00 closed loop): **not measured**")
                .doesNotContain("Infinity");
    }

    @Test
    void should_not_judge_the_home_pages_bound_ratio_when_the_ceiling_held_the_bound_at_no_rate(@TempDir Path dir)
            throws Exception {
        Report report = new Report(20);
        report.add(measured(Target.FLOCK_HYBRID, Mix.HOME_ONLY, 10_000, 20_000, 4));
        report.add(searched(measured(Target.CEILING, Mix.HOME_ONLY, 0, 40_000, 1), 0, 0, 30_000));

        String text = Files.readString(report.write(dir, "run", "test run"));

        assertThat(text)
                .contains("Home-timeline reads at >= 50% of the ceiling: no ratio at max rate, the ceiling held the"
                        + " bound at no rate in 2 of 3 searches (0.50 closed loop): **not measured**")
                .doesNotContain("Infinity");
    }

    @Test
    void should_leave_a_search_that_found_no_rate_out_of_the_ratios_spread_and_say_so(@TempDir Path dir)
            throws Exception {
        Report report = new Report(20);
        report.add(searched(measured(Target.FLOCK_HYBRID, Mix.READ_HEAVY, 3_652, 7_000, 4), 3_652, 3_287, 4_017));
        report.add(searched(measured(Target.REDIS, Mix.READ_HEAVY, 5_967, 7_000, 3), 6_630, 5_967, 0));

        String text = Files.readString(report.write(dir, "run", "test run"));

        assertThat(text)
                .contains("| Redis lists (Twitter 2012) | 5,967 (0-6,630) |")
                .contains("Flock / Redis design = 0.61 at equal p99 bound (0.50-0.67 over 3 and 2 searches; 1 search"
                        + " found no rate that held)");
    }

    /** The measurement with these rates found by its searches, in that order; the max rate is their median. */
    private static Measurement searched(Measurement m, double... rates) {
        return with(
                m, java.util.Arrays.stream(rates).boxed().toList(), m.capacity().closedLoops());
    }

    /** The measurement with closed-loop runs of these rates, each costing 2.8 s of CPU over its requests. */
    private static Measurement repeated(Measurement m, double... rates) {
        List<RateSearch.ClosedLoop> runs = java.util.Arrays.stream(rates)
                .mapToObj(rate -> new RateSearch.ClosedLoop(rate, 2.8e6 / rate))
                .toList();
        return with(m, m.capacity().searchedRates(), runs);
    }

    private static Measurement with(Measurement m, List<Double> searchedRates, List<RateSearch.ClosedLoop> runs) {
        RateSearch.Capacity c = m.capacity();
        return new Measurement(
                m.target(),
                m.mix(),
                new RateSearch.Capacity(
                        c.saturated(),
                        c.maxRate(),
                        searchedRates,
                        c.probes(),
                        c.atHalf(),
                        c.cpuMicrosPerRequest(),
                        c.idleCores(),
                        runs,
                        c.atHalfNetMicrosPerRequest()),
                m.lagP50Millis(),
                m.lagP99Millis(),
                m.headHitShare());
    }

    private static Measurement withLag(Measurement m, double p50, double p99) {
        return new Measurement(m.target(), m.mix(), m.capacity(), p50, p99, m.headHitShare());
    }

    private static Measurement withHeadHits(Measurement m, double share) {
        return new Measurement(m.target(), m.mix(), m.capacity(), m.lagP50Millis(), m.lagP99Millis(), share);
    }

    /** A measurement whose every run has the given throughput and a p99 of {@code p99Millis}. */
    private static Measurement measured(Target target, Mix mix, double maxRate, double closedLoop, long p99Millis) {
        LoadResult saturated = result(closedLoop, p99Millis);
        LoadResult half = result(maxRate / 2, p99Millis);
        RateSearch.Probe probe = new RateSearch.Probe(maxRate, result(maxRate, p99Millis), true);
        return new Measurement(
                target,
                mix,
                new RateSearch.Capacity(
                        saturated,
                        maxRate,
                        List.of(maxRate),
                        List.of(probe),
                        half,
                        cpu(1e6 / closedLoop, 2e6 / closedLoop),
                        Map.of("members", 0.2, "API node", 0.0),
                        List.of(new RateSearch.ClosedLoop(closedLoop, 2.8e6 / closedLoop)),
                        2.5e6 / closedLoop),
                Double.NaN,
                Double.NaN,
                Double.NaN);
    }

    /** CPU microseconds per request of two process groups, in the order a run reads them. */
    private static Map<String, Double> cpu(double members, double apiNode) {
        Map<String, Double> micros = new java.util.LinkedHashMap<>();
        micros.put("members", members);
        micros.put("API node", apiNode);
        return micros;
    }

    private static LoadResult result(double throughput, long p99Millis) {
        Histogram latencies = new Histogram(60_000_000L, 3);
        latencies.recordValueWithCount(p99Millis * 1000, 100);
        return new LoadResult(0, 1, (long) throughput, 0, 0, 0, latencies, Map.of("home", latencies), Map.of());
    }
}
