package flock.benchmarks.report;

import flock.benchmarks.http.LoadResult;
import flock.benchmarks.http.Mix;
import flock.benchmarks.http.RateSearch;
import flock.benchmarks.http.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The benchmark report: a Markdown file with the run's setting, one table per mix, the ratios and targets
 * Flock is held to, and PNG plots beside it.
 */
public final class Report {
    private final List<String> setting = new ArrayList<>();
    private final List<Measurement> measurements = new ArrayList<>();
    private final double p99BoundMillis;

    public Report(double p99BoundMillis) {
        this.p99BoundMillis = p99BoundMillis;
    }

    /** A line of the "Setting" section (machine, command, dataset, load times). */
    public void setting(String line) {
        setting.add(line);
    }

    /** Adds a row; the ceiling's row goes first, whenever it was measured, as the yardstick of its table. */
    public void add(Measurement measurement) {
        if (measurement.target() == Target.CEILING) {
            measurements.add(0, measurement);
            return;
        }
        measurements.add(measurement);
    }

    public Path write(Path dir, String name, String title) throws IOException {
        Files.createDirectories(dir);
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append("\n\n## Setting\n\n");
        setting.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append(String.format(
                "- Max rate: the highest open-loop rate with p99 <= %.0f ms, no errors, and the rate achieved;"
                        + " latency at 50%% of it is measured in a run of its own. Closed loop: as fast as"
                        + " the server answers, for the ceiling of throughput.%n",
                p99BoundMillis));
        md.append("\n## Targets\n\n");
        targets().forEach(line -> md.append("- ").append(line).append('\n'));
        Map<Mix, List<Measurement>> byMix = new LinkedHashMap<>();
        measurements.forEach(
                m -> byMix.computeIfAbsent(m.mix(), mix -> new ArrayList<>()).add(m));
        int plot = 0;
        for (var entry : byMix.entrySet()) {
            md.append("\n## ").append(entry.getKey().name()).append("\n\n");
            table(md, entry.getValue());
            kindsTable(md, entry.getValue());
            cpuTable(md, entry.getValue());
            String file = name + "-" + (++plot) + ".png";
            Plots.latencyCurve(dir, file, entry.getKey(), entry.getValue());
            md.append("\n![p99 latency against throughput, ")
                    .append(entry.getKey().name())
                    .append("](")
                    .append(file)
                    .append(")\n");
        }
        List<Measurement> withPosts = measurements.stream()
                .filter(m -> m.mix().fansOut() && !Double.isNaN(m.lagP50Millis()))
                .toList();
        if (!withPosts.isEmpty()) {
            String file = name + "-lag.png";
            Plots.fanOutLag(dir, file, withPosts);
            md.append("\n## Fan-out lag\n\nPost acknowledged to a batch of up to 1,000 follower feeds updated,"
                            + " over every run of a mix (the rate search's probes included), from the members'"
                            + " histogram.\n\n![fan-out lag under the mixes with posts](")
                    .append(file)
                    .append(")\n");
        }
        Path path = dir.resolve(name + ".md");
        Files.writeString(path, md.toString());
        return path;
    }

    /** The summary table alone, for docs/benchmarks.md. */
    public String summaryTable() {
        StringBuilder md = new StringBuilder();
        Map<Mix, List<Measurement>> byMix = new LinkedHashMap<>();
        measurements.forEach(
                m -> byMix.computeIfAbsent(m.mix(), mix -> new ArrayList<>()).add(m));
        byMix.forEach((mix, list) -> {
            md.append("\n**").append(mix.name()).append("**\n\n");
            table(md, list);
        });
        return md.toString();
    }

    private void table(StringBuilder md, List<Measurement> list) {
        md.append("| system | max rate, p99 <= ")
                .append(String.format("%.0f", p99BoundMillis))
                .append(" ms | closed-loop req/s | at 50%: p50 | p99 | p99.9 | body bytes | errors |"
                        + " fan-out lag p50 / p99 | pages from cached heads |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|\n");
        for (Measurement m : list) {
            LoadResult half = m.capacity().atHalf();
            md.append(String.format(
                    "| %s | %s | %s | %.2f ms | %.2f ms | %.2f ms | %,.0f | %d | %s | %s |%n",
                    m.target().name(),
                    withRange(m.maxRate(), m.capacity().searchedRates()),
                    withSpread(m.saturated(), m.capacity().closedLoops(), RateSearch.ClosedLoop::throughput),
                    half.millis(50),
                    half.millis(99),
                    half.millis(99.9),
                    half.meanBodyBytes(),
                    half.errors() + m.capacity().saturated().errors(),
                    Double.isNaN(m.lagP50Millis())
                            ? "-"
                            : String.format("<= %.0f / <= %.0f ms", m.lagP50Millis(), m.lagP99Millis()),
                    Double.isNaN(m.headHitShare()) ? "-" : String.format("%.0f%%", 100 * m.headHitShare())));
        }
    }

    /**
     * Each kind of request's latency in the run at half the max rate, when a mix has several: which calls make the
     * tail, and what a like or a reply costs beside a page.
     */
    private static void kindsTable(StringBuilder md, List<Measurement> list) {
        List<String> kinds = new ArrayList<>();
        for (Measurement m : list) {
            m.capacity().atHalf().byKind().keySet().stream()
                    .filter(kind -> !kinds.contains(kind))
                    .forEach(kinds::add);
        }
        if (kinds.size() < 2) {
            return;
        }
        md.append("\nBy kind of request, at 50% of the max rate: p50 / p99, milliseconds\n\n| system | ")
                .append(String.join(" | ", kinds))
                .append(" |\n|---|")
                .append("---:|".repeat(kinds.size()))
                .append('\n');
        for (Measurement m : list) {
            LoadResult half = m.capacity().atHalf();
            md.append("| ").append(m.target().name()).append(" |");
            for (String kind : kinds) {
                md.append(
                        half.byKind().containsKey(kind)
                                ? String.format(" %.2f / %.2f |", half.millis(kind, 50), half.millis(kind, 99))
                                : " - |");
            }
            md.append('\n');
        }
    }

    /**
     * Where a request's CPU went in the closed-loop run, by process group: on a saturated machine whose
     * cores every part shares, throughput is about the cores divided by the total, so this is what
     * explains a ratio between two systems. Work still queued when the run ends is not counted.
     */
    private static void cpuTable(StringBuilder md, List<Measurement> list) {
        List<String> groups = new ArrayList<>();
        for (Measurement m : list) {
            m.capacity().cpuMicrosPerRequest().keySet().stream()
                    .filter(group -> !groups.contains(group))
                    .forEach(groups::add);
        }
        if (groups.isEmpty()) {
            return;
        }
        md.append("\nCPU per request in the closed-loop run, microseconds, by process (all on the same cores); the next"
                + " two columns take out what the processes spent idle just before (in cores), which every system's"
                + " run pays whatever it measures; the last is the same, net of idle, in the run at half the max rate,"
                + " where the system keeps up and finishes the work a request defers (fan-out, write-behind). \"JIT\" is"
                + " the part of all processes' CPU their JIT compiler threads used in the same closed-loop runs: a JVM"
                + " still compiling a path after the warm-up pays it there:\n\n");
        md.append("| system | ")
                .append(String.join(" | ", groups))
                .append(" | all | all, net of idle | JIT | idle, cores | at 50%, net of idle |\n");
        md.append("|---|").append("---:|".repeat(groups.size() + 5)).append('\n');
        for (Measurement m : list) {
            Map<String, Double> micros = m.capacity().cpuMicrosPerRequest();
            md.append("| ").append(m.target().name()).append(" |");
            for (String group : groups) {
                md.append(String.format(" %,.0f |", micros.getOrDefault(group, 0.0)));
            }
            double all =
                    micros.values().stream().mapToDouble(Double::doubleValue).sum();
            double idle = m.capacity().idleCores().values().stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
            md.append(String.format(
                    " %,.0f | %s | %s | %.2f |",
                    all,
                    withSpread(
                            Math.max(0, m.capacity().netMicrosPerRequest()),
                            m.capacity().closedLoops(),
                            run -> Math.max(0, run.netMicrosPerRequest())),
                    compiling(m.capacity()),
                    idle));
            double atHalf = m.capacity().atHalfNetMicrosPerRequest();
            md.append(Double.isNaN(atHalf) ? " - |\n" : String.format(" %,.0f |%n", Math.max(0, atHalf)));
        }
    }

    /** The JIT compilers' CPU per request in the median closed-loop run, with its spread; "-" where not measured. */
    private static String compiling(RateSearch.Capacity capacity) {
        RateSearch.ClosedLoop median = capacity.medianRun();
        if (median == null || Double.isNaN(median.compilingMicrosPerRequest())) {
            return "-";
        }
        return withSpread(
                median.compilingMicrosPerRequest(),
                capacity.closedLoops(),
                RateSearch.ClosedLoop::compilingMicrosPerRequest);
    }

    /** A figure of the median closed-loop run, with the lowest and highest of all runs when there were several. */
    private static String withSpread(
            double median,
            List<RateSearch.ClosedLoop> runs,
            java.util.function.ToDoubleFunction<RateSearch.ClosedLoop> of) {
        return withRange(median, runs.stream().map(of::applyAsDouble).toList());
    }

    /** A median (of closed-loop runs, or of searches), with the lowest and highest value when there were several. */
    private static String withRange(double median, List<Double> values) {
        if (values.size() < 2) {
            return String.format("%,.0f", median);
        }
        DoubleSummaryStatistics spread =
                values.stream().mapToDouble(Double::doubleValue).summaryStatistics();
        return String.format("%,.0f (%,.0f-%,.0f)", median, spread.getMin(), spread.getMax());
    }

    /**
     * The spread of a ratio of max rates over the searches of both systems, as {@link #ratioSpread} for runs. A search
     * that found no rate holding the bound (0) has no ratio: it is left out of the spread and counted beside it.
     */
    private static String boundRatioSpread(Measurement top, Measurement bottom) {
        List<Double> mine = held(top);
        List<Double> theirs = held(bottom);
        int none = top.capacity().searchedRates().size()
                - mine.size()
                + bottom.capacity().searchedRates().size()
                - theirs.size();
        String note = none == 0
                ? ""
                : none == 1 ? "1 search found no rate that held" : none + " searches found no rate that held";
        return spreadOfRatio(mine, theirs, "searches", note);
    }

    private static List<Double> held(Measurement m) {
        return m.capacity().searchedRates().stream().filter(rate -> rate > 0).toList();
    }

    /**
     * The spread of a closed-loop ratio over the runs of both systems: the lowest of one over the highest of the
     * other, and the other way round; empty when either ran once.
     */
    private static String ratioSpread(Measurement top, Measurement bottom) {
        return spreadOfRatio(throughputs(top), throughputs(bottom), "runs", "");
    }

    private static List<Double> throughputs(Measurement m) {
        return m.capacity().closedLoops().stream()
                .map(RateSearch.ClosedLoop::throughput)
                .toList();
    }

    /** The spread in parentheses, with {@code note} after it when there is one; empty when neither has anything to say. */
    private static String spreadOfRatio(List<Double> mine, List<Double> theirs, String what, String note) {
        if (mine.size() < 2 || theirs.size() < 2) {
            return note.isEmpty() ? "" : " (" + note + ")";
        }
        DoubleSummaryStatistics a =
                mine.stream().mapToDouble(Double::doubleValue).summaryStatistics();
        DoubleSummaryStatistics b =
                theirs.stream().mapToDouble(Double::doubleValue).summaryStatistics();
        // A closed loop whose every request failed has no throughput: dividing by at least 1 keeps the figures finite.
        return String.format(
                " (%.2f-%.2f over %d and %d %s%s)",
                a.getMin() / Math.max(1, b.getMax()),
                a.getMax() / Math.max(1, b.getMin()),
                mine.size(),
                theirs.size(),
                what,
                note.isEmpty() ? "" : "; " + note);
    }

    private List<String> targets() {
        List<String> lines = new ArrayList<>();
        Optional<Measurement> flockHome = find(Target.FLOCK_HYBRID, Mix.HOME_ONLY);
        Optional<Measurement> ceiling = find(Target.CEILING, Mix.HOME_ONLY);
        if (flockHome.isPresent() && ceiling.isPresent() && ceiling.get().maxRate() <= 0) {
            lines.add(String.format(
                    "Home-timeline reads at >= 50%% of the ceiling: no ratio at max rate, %s (%.2f closed loop%s):"
                            + " **not measured**",
                    heldAtNoRate("the ceiling", ceiling.get()),
                    flockHome.get().saturated() / ceiling.get().saturated(),
                    ratioSpread(flockHome.get(), ceiling.get())));
        } else if (flockHome.isPresent() && ceiling.isPresent()) {
            double max = flockHome.get().maxRate() / ceiling.get().maxRate();
            double closed = flockHome.get().saturated() / ceiling.get().saturated();
            lines.add(String.format(
                    "Home-timeline reads at >= 50%% of the ceiling: Flock / ceiling = %s at max rate%s, %s closed"
                            + " loop%s (target >= 0.5 both): %s",
                    against(max, 0.5),
                    boundRatioSpread(flockHome.get(), ceiling.get()),
                    against(closed, 0.5),
                    ratioSpread(flockHome.get(), ceiling.get()),
                    verdict(Math.min(max, closed) >= 0.5)));
        }
        find(Target.FLOCK_HYBRID, Mix.POSTS_ONLY).ifPresent(posts -> {
            double micros = Math.max(0, posts.capacity().netMicrosPerRequest());
            lines.add(String.format(
                    "CPU per post, all processes, net of idle (posts only, closed loop): %s µs (target <= 1,500 µs): %s",
                    withSpread(micros, posts.capacity().closedLoops(), run -> Math.max(0, run.netMicrosPerRequest())),
                    verdict(micros <= 1_500)));
        });
        for (Mix mix : List.of(
                Mix.HOME_ONLY, Mix.DEATH_STAR_BENCH, Mix.READ_HEAVY, Mix.POSTS_ONLY, Mix.ENGAGEMENT, Mix.LIKES_ONLY)) {
            Optional<Measurement> flock = find(Target.FLOCK_HYBRID, mix);
            Optional<Measurement> redis = find(Target.REDIS, mix);
            Optional<Measurement> pull = find(Target.PULL, mix);
            if (flock.isPresent() && redis.isPresent() && redis.get().maxRate() <= 0) {
                lines.add(String.format(
                        "%s: Flock / Redis design at equal p99 bound: no ratio, %s (%.2f closed loop%s): **not"
                                + " measured**",
                        mix.name(),
                        heldAtNoRate("the Redis design", redis.get()),
                        flock.get().saturated() / redis.get().saturated(),
                        ratioSpread(flock.get(), redis.get())));
            } else if (flock.isPresent() && redis.isPresent()) {
                double ratio = flock.get().maxRate() / redis.get().maxRate();
                lines.add(String.format(
                        "%s: Flock / Redis design = %s at equal p99 bound%s (%.2f closed loop%s): %s",
                        mix.name(),
                        against(ratio, 1),
                        boundRatioSpread(flock.get(), redis.get()),
                        flock.get().saturated() / redis.get().saturated(),
                        ratioSpread(flock.get(), redis.get()),
                        verdict(ratio >= 1)));
            }
            if (flock.isPresent() && pull.isPresent()) {
                // Pull on read may hold the bound at no rate at all; then only the closed loop compares.
                double atBound = flock.get().maxRate() / Math.max(1, pull.get().maxRate());
                double closed = flock.get().saturated() / pull.get().saturated();
                lines.add(String.format(
                        "%s: Flock / pull on read = %.1f at equal p99 bound, %.1f closed loop (target >= 5 both): %s",
                        mix.name(), atBound, closed, verdict(Math.min(atBound, closed) >= 5)));
            }
            if (flock.isPresent()) {
                double p99 = flock.get().capacity().atHalf().millis(99);
                lines.add(String.format(
                        "%s: Flock p99 at 50%% of its max rate = %.2f ms (target < 10 ms): %s",
                        mix.name(), p99, verdict(p99 < 10)));
            }
        }
        return lines;
    }

    private Optional<Measurement> find(Target target, Mix mix) {
        return measurements.stream()
                .filter(m -> m.target().equals(target) && m.mix().equals(mix))
                .findFirst();
    }

    /**
     * Why a bound ratio has no value: the system divided by held the bound at no rate in its median search. Dividing
     * by that zero gave infinity, which read as the target met.
     */
    private static String heldAtNoRate(String system, Measurement m) {
        List<Double> searches = m.capacity().searchedRates();
        return String.format(
                "%s held the bound at no rate in %d of %d searches",
                system, searches.stream().filter(rate -> rate <= 0).count(), searches.size());
    }

    /**
     * A ratio judged against its target, in two decimals unless those would put it on the other side of the target:
     * 0.4966 against 0.5 reads 0.497, so that a line never says 0.50 and "not met" at once.
     */
    static String against(double value, double target) {
        for (int decimals = 2; decimals < 6; decimals++) {
            String shown = String.format("%." + decimals + "f", value);
            double read = Double.parseDouble(shown);
            if ((read >= target) == (value >= target)) {
                return shown;
            }
        }
        return String.format("%.6f", value);
    }

    private static String verdict(boolean met) {
        return met ? "**met**" : "**not met**";
    }
}
