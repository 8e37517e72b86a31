package flock.benchmarks.http;

import flock.benchmarks.MachineQuiet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.DoubleFunction;

/**
 * Finds the highest request rate a system sustains with p99 latency under a bound, and measures latency at
 * half that rate, as the report's targets are stated.
 *
 * <p>First a closed-loop run finds the throughput ceiling (after an unmeasured warm-up run, so that the
 * JIT has compiled the hot path). Then open-loop probes step down from 90% of it until one passes (p99 within
 * the bound, no errors, the rate actually achieved), and bisect between that and the failing rate above. A figure a
 * target compares is searched again ({@link Plan}): each repeat starts at the rate the first search found and
 * steps by a tenth, up while probes there hold (twice at most), down while they do not (then by halves), so three
 * searches cost about four probes more than one, and the max rate reported is the median of the searches, with
 * their lowest and highest.
 *
 * <p>Each probe starts on a settled machine and lasts long enough for its p99 to mean something. A system that defers
 * work (a fan-out, a write-behind) is still doing the closed loop's for seconds after it; a probe started then measures
 * that backlog, not the rate it asks for, and one of 3 s at 86 requests a second has its p99 set by its third-slowest
 * request. So the machine is let settle before every probe ({@link MachineQuiet}), and a probe runs for at least
 * {@link #MIN_PROBE_REQUESTS} requests.
 */
public final class RateSearch {
    private static final double[] STEPS = {0.9, 0.7, 0.5, 0.35, 0.2, 0.1, 0.05};

    /** The fewest requests a probe sends: its p99 is then the tenth-slowest at least, not one stall's. */
    static final int MIN_PROBE_REQUESTS = 1_000;

    /** The longest wait for it: a system that never settles is measured anyway, and the wait is logged. */
    private static final Duration SETTLE_PATIENCE = Duration.ofSeconds(30);

    private final LoadGenerator generator;
    private final double p99BoundMillis;
    private final Duration probe;
    private final Duration half;
    private final int closedLoops;
    private final Consumer<String> log;
    private final CpuAccount cpu;

    /**
     * @param probe how long each probe runs
     * @param half how long the run at half the found rate lasts
     * @param closedLoops closed-loop runs, one after another: their spread says how far one figure can be trusted
     */
    public RateSearch(
            LoadGenerator generator,
            double p99BoundMillis,
            Duration probe,
            Duration half,
            int closedLoops,
            Consumer<String> log,
            CpuAccount cpu) {
        this.generator = generator;
        this.cpu = cpu;
        this.p99BoundMillis = p99BoundMillis;
        this.probe = probe;
        this.half = half;
        this.closedLoops = closedLoops;
        this.log = log;
    }

    /** One open-loop probe and whether it held the bound. */
    public record Probe(double rate, LoadResult result, boolean passed) {}

    /**
     * How a max rate is searched.
     *
     * @param searches how many times: one full search, then repeats that start where it ended
     * @param refinements bisection steps of the first search after its first passing probe
     */
    public record Plan(int searches, int refinements) {
        public Plan {
            if (searches < 1 || refinements < 0) {
                throw new IllegalArgumentException("a plan needs a search at least: " + searches + ", " + refinements);
            }
        }
    }

    /** A repeat's step from the rate the first search found: the resolution of the spread it reports. */
    static final double REPEAT_STEP = 0.1;

    /**
     * A repeat steps down a tenth this often without a probe that holds, then halves: below three quarters of the first
     * search's rate a tenth at a time would take too many probes (six steps cost a whole run half a minute once, past
     * its twenty minutes), but a repeat that gave up there counted as no rate at all, and two such made the median "no
     * rate" for a system whose first search held thousands a second.
     */
    private static final int REPEAT_STEPS_DOWN = 3;

    /** Halvings after the steps down before a repeat gives up: to an eighth of where it began, well under the tail. */
    private static final int REPEAT_HALVINGS = 3;

    /**
     * Steps a repeat takes up while probes hold: a first search that met a stall high up ends low, and a repeat
     * allowed a single tenth up could not bring the median back to where the system holds.
     */
    private static final int REPEAT_STEPS_UP = 2;

    /**
     * @param saturated the closed-loop run with the median throughput: the throughput ceiling
     * @param maxRate the median of the searches' highest rates that passed (each 0 if none did)
     * @param searchedRates each search's highest rate that passed, in the order they ran
     * @param probes every open-loop probe, by rate (the latency-throughput curve)
     * @param atHalf the run at half of {@code maxRate}
     * @param cpuMicrosPerRequest each process group's CPU per request during that closed-loop run
     * @param idleCores each process group's CPU just before, with nothing asked of it, in cores
     * @param closedLoops every closed-loop run, in the order they ran
     * @param atHalfNetMicrosPerRequest all processes' CPU per request in the run at half the max rate, less their idle
     *     background (NaN when no rate held the bound): a system that keeps up, so work a request defers (the
     *     fan-out, the write-behind) is done within the run, where a saturated run leaves some of it queued
     */
    public record Capacity(
            LoadResult saturated,
            double maxRate,
            List<Double> searchedRates,
            List<Probe> probes,
            LoadResult atHalf,
            Map<String, Double> cpuMicrosPerRequest,
            Map<String, Double> idleCores,
            List<ClosedLoop> closedLoops,
            double atHalfNetMicrosPerRequest) {

        /** All groups' CPU per request in the median closed-loop run, less what they spend idle in the same time. */
        public double netMicrosPerRequest() {
            return ClosedLoop.netMicros(saturated.throughput(), cpuMicrosPerRequest, idleCores);
        }

        /** The closed-loop run {@code saturated} is, the one with the median throughput (null if none ran). */
        public ClosedLoop medianRun() {
            return closedLoops.stream()
                    .filter(run -> run.throughput() == saturated.throughput())
                    .findFirst()
                    .orElse(null);
        }
    }

    /**
     * One closed-loop run: its throughput and all processes' CPU per request, less their idle background, and how much
     * of that the JVMs' JIT compiler threads used (NaN where not measured).
     */
    public record ClosedLoop(double throughput, double netMicrosPerRequest, double compilingMicrosPerRequest) {
        public ClosedLoop(double throughput, double netMicrosPerRequest) {
            this(throughput, netMicrosPerRequest, Double.NaN);
        }

        static ClosedLoop of(
                double throughput,
                Map<String, Double> cpuMicrosPerRequest,
                Map<String, Double> idleCores,
                double compilingMicrosPerRequest) {
            return new ClosedLoop(
                    throughput, netMicros(throughput, cpuMicrosPerRequest, idleCores), compilingMicrosPerRequest);
        }

        /** All groups' CPU per request in a run of this throughput, less what they spend idle in the same time. */
        static double netMicros(
                double throughput, Map<String, Double> cpuMicrosPerRequest, Map<String, Double> idleCores) {
            double gross = cpuMicrosPerRequest.values().stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
            double idle =
                    idleCores.values().stream().mapToDouble(Double::doubleValue).sum();
            return throughput > 0 ? gross - idle * 1e6 / throughput : gross;
        }
    }

    /**
     * How long the processes are watched doing nothing before a system's runs, for its idle background: a second
     * holds 100 clock ticks a core, so a background of a tenth of a core is known within a tick or two, a third of a
     * microsecond a request at the rates measured.
     */
    private static final java.time.Duration IDLE_WINDOW = java.time.Duration.ofSeconds(1);

    /**
     * @param warmUp how long the closed loop runs first, unmeasured, so that every process has compiled the path (a
     *     system's first mix with posts needs longer than the others)
     */
    public Capacity measure(Workload workload, Duration warmUp, Plan plan) {
        Map<String, Double> idle = cpu.idleCores(IDLE_WINDOW);
        log.accept("  idle before, cores: " + byProcess(idle, "%.2f"));
        generator.saturate(workload, warmUp); // the JIT compiles the path under test
        List<LoadResult> runs = new ArrayList<>();
        List<Map<String, Double>> cpuOfRuns = new ArrayList<>();
        List<ClosedLoop> closed = new ArrayList<>();
        for (int i = 0; i < closedLoops; i++) {
            // The compilers are read outside the processes' readings: walking every thread in /proc costs the load
            // generator's process a few milliseconds, which would be charged to the run.
            Map<String, Long> compilersBefore = cpu.readCompilers();
            Map<String, Long> cpuBefore = cpu.read();
            LoadResult run = generator.saturate(workload, probe);
            Map<String, Double> perRequest = CpuAccount.perRequest(cpuBefore, cpu.read(), run.completed());
            double compiling = CpuAccount.compilingPerRequest(compilersBefore, cpu.readCompilers(), run.completed());
            runs.add(run);
            cpuOfRuns.add(perRequest);
            closed.add(ClosedLoop.of(run.throughput(), perRequest, idle, compiling));
            log.accept(String.format(
                    "  closed loop: %,.0f req/s, p99 %.1f ms, %,.0f us per request net of idle, %,.0f of it JIT"
                            + " compiling%s%s",
                    run.throughput(),
                    run.millis(99),
                    closed.getLast().netMicrosPerRequest(),
                    compiling,
                    byKind(run),
                    run.failures().isEmpty() ? "" : ", errors " + run.failures()));
        }
        int median = medianIndex(runs);
        LoadResult saturated = runs.get(median);
        Map<String, Double> cpuPerRequest = cpuOfRuns.get(median);
        double ceiling = saturated.throughput();
        List<Probe> probes = new ArrayList<>();
        DoubleFunction<Probe> probing = rate -> {
            Probe next = probe(workload, rate);
            probes.add(next);
            return next;
        };
        List<Double> searched = new ArrayList<>();
        searched.add(firstSearch(ceiling, plan.refinements(), probing));
        for (int i = 1; i < plan.searches(); i++) {
            log.accept(
                    String.format("  search %d of %d, from %,.0f req/s", i + 1, plan.searches(), searched.getFirst()));
            searched.add(repeatSearch(searched.getFirst(), probing));
        }
        double maxRate = median(searched);
        LoadResult atHalf = saturated;
        double atHalfMicros = Double.NaN;
        if (maxRate > 0) {
            MachineQuiet.await(MachineQuiet.STACK_IDLE_SHARE, SETTLE_PATIENCE);
            Map<String, Long> cpuBefore = cpu.read();
            atHalf = generator.atRate(workload, maxRate / 2, half);
            Map<String, Double> atHalfPerRequest = CpuAccount.perRequest(cpuBefore, cpu.read(), atHalf.completed());
            atHalfMicros = ClosedLoop.netMicros(atHalf.throughput(), atHalfPerRequest, idle);
            log.accept(String.format(
                    "  at half the max rate: %,.0f req/s, p99 %.1f ms, %,.0f us per request net of idle (with idle,"
                            + " us: %s)",
                    atHalf.throughput(), atHalf.millis(99), atHalfMicros, byProcess(atHalfPerRequest, "%.0f")));
        }
        probes.sort(Comparator.comparingDouble(Probe::rate));
        return new Capacity(
                saturated,
                maxRate,
                List.copyOf(searched),
                List.copyOf(probes),
                atHalf,
                cpuPerRequest,
                idle,
                List.copyOf(closed),
                atHalfMicros);
    }

    /**
     * Each process group's figure, by name, for the log: which one a busy machine is busy with, which one a request's
     * CPU went to.
     */
    static String byProcess(Map<String, Double> figures, String format) {
        StringBuilder line = new StringBuilder();
        new java.util.TreeMap<>(figures).forEach((group, figure) -> line.append(line.isEmpty() ? "" : ", ")
                .append(group)
                .append(' ')
                .append(String.format(java.util.Locale.ROOT, format, figure)));
        return line.toString();
    }

    /**
     * Steps down from 90% of the closed loop's rate until a probe holds, then bisects between it and the failing rate
     * above; answers the highest rate that held, 0 if none did.
     */
    static double firstSearch(double ceiling, int refinements, DoubleFunction<Probe> probing) {
        Probe passed = null;
        double failedRate = ceiling * 1.05;
        for (double step : STEPS) {
            Probe next = probing.apply(ceiling * step);
            if (next.passed()) {
                passed = next;
                break;
            }
            failedRate = next.rate();
        }
        return passed == null ? 0 : bisect(passed.rate(), failedRate, refinements, probing);
    }

    /**
     * Probes half way between a rate that held and one above it that failed, {@code steps} times, narrowing to the half
     * the probe leaves; answers the highest rate that held.
     */
    private static double bisect(double held, double failed, int steps, DoubleFunction<Probe> probing) {
        double low = held;
        double high = failed;
        for (int i = 0; i < steps; i++) {
            Probe next = probing.apply((low + high) / 2);
            if (next.passed()) {
                low = next.rate();
            } else {
                high = next.rate();
            }
        }
        return low;
    }

    /**
     * A search again, from the rate the first one found: if a probe there holds, probes a tenth higher each follow
     * while they hold ({@value #REPEAT_STEPS_UP} at most); if not, probes step down a tenth at a time until one holds
     * ({@value #REPEAT_STEPS_DOWN} of them), then halve ({@value #REPEAT_HALVINGS} times, a halving that holds followed
     * by one probe half way back up); 0 when none of those held, or at once when the first search found none.
     */
    static double repeatSearch(double start, DoubleFunction<Probe> probing) {
        if (start <= 0) {
            return 0;
        }
        if (probing.apply(start).passed()) {
            double held = start;
            for (int i = 0; i < REPEAT_STEPS_UP; i++) {
                double higher = held * (1 + REPEAT_STEP);
                if (!probing.apply(higher).passed()) {
                    break;
                }
                held = higher;
            }
            return held;
        }
        double rate = start;
        for (int i = 0; i < REPEAT_STEPS_DOWN + REPEAT_HALVINGS; i++) {
            double failed = rate;
            boolean halving = i >= REPEAT_STEPS_DOWN;
            rate *= halving ? 0.5 : 1 - REPEAT_STEP;
            if (probing.apply(rate).passed()) {
                // A halving that held is a lower bound off by up to half: one probe half way back up narrows it.
                return halving ? bisect(rate, failed, 1, probing) : rate;
            }
        }
        return 0;
    }

    /** The middle value (the lower middle one of an even count). */
    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** The run with the median throughput (the lower middle one of an even count). */
    private static int medianIndex(List<LoadResult> runs) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> runs.get(i).throughput()));
        return order.get((runs.size() - 1) / 2);
    }

    /** How long a probe at this rate runs: the profile's length, or longer for {@link #MIN_PROBE_REQUESTS}. */
    static Duration probeLength(Duration profileProbe, double rate) {
        long forEnoughRequests = (long) Math.ceil(MIN_PROBE_REQUESTS * 1_000.0 / rate);
        return forEnoughRequests > profileProbe.toMillis() ? Duration.ofMillis(forEnoughRequests) : profileProbe;
    }

    private Probe probe(Workload workload, double rate) {
        double settled = MachineQuiet.await(MachineQuiet.STACK_IDLE_SHARE, SETTLE_PATIENCE);
        Duration length = probeLength(probe, rate);
        LoadResult result = generator.atRate(workload, rate, length);
        boolean passed = result.millis(99) <= p99BoundMillis
                && result.errors() == 0
                && result.unsent() == 0
                && result.throughput() >= rate * 0.95;
        log.accept(String.format(
                "  %,8.0f req/s asked, %,8.0f done, p50 %6.2f ms, p99 %7.2f ms, errors %d%s: %s%s (%.1f s, after %.0f s"
                        + " settling)",
                rate,
                result.throughput(),
                result.millis(50),
                result.millis(99),
                result.errors(),
                result.failures().isEmpty() ? "" : " " + result.failures(),
                passed ? "holds" : "over",
                byKind(result),
                length.toMillis() / 1e3,
                settled));
        return new Probe(rate, result, passed);
    }

    /**
     * Each kind's p99 when a mix has more than one: which calls make the tail (a post is one request in ten of the
     * read-heavy mix, so its p90 is about the mix's p99).
     */
    private static String byKind(LoadResult result) {
        if (result.byKind().size() < 2) {
            return "";
        }
        StringBuilder kinds = new StringBuilder(" (p99:");
        result.byKind()
                .keySet()
                .forEach(kind -> kinds.append(String.format(" %s %.2f ms", kind, result.millis(kind, 99))));
        return kinds.append(')').toString();
    }
}
