package flock.benchmarks.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The CPU time used by named groups of processes (the API node, the members, Cassandra, the load generator),
 * read from the operating system before and after a run, per request served: where a request's cost goes
 * when every part shares the same cores. Throughput on a saturated machine is about cores / the total.
 */
public final class CpuAccount {
    /** No processes: runs are measured without the breakdown. */
    public static final CpuAccount NONE = new CpuAccount(Map::of);

    private final Supplier<Map<String, List<Long>>> groups;

    /** @param groups each group's process ids, asked afresh at every reading (a process may be restarted) */
    public CpuAccount(Supplier<Map<String, List<Long>>> groups) {
        this.groups = groups;
    }

    /** CPU nanoseconds used so far by each group; a process that is gone counts nothing. */
    public Map<String, Long> read() {
        Map<String, Long> nanos = new LinkedHashMap<>();
        groups.get().forEach((name, pids) -> {
            long total = 0;
            for (long pid : pids) {
                total += ProcessHandle.of(pid)
                        .flatMap(process -> process.info().totalCpuDuration())
                        .map(Duration::toNanos)
                        .orElse(0L);
            }
            nanos.put(name, total);
        });
        return nanos;
    }

    /**
     * Each group's CPU while nothing is asked of it, in cores, over {@code window}: the background (Jet's idle loops,
     * snapshots, rate-limit syncs, Cassandra's housekeeping) that a run pays whatever it measures.
     */
    public Map<String, Double> idleCores(Duration window) {
        Map<String, Long> before = read();
        try {
            Thread.sleep(window.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Map<String, Long> after = read();
        Map<String, Double> cores = new LinkedHashMap<>();
        after.forEach(
                (name, nanos) -> cores.put(name, (nanos - before.getOrDefault(name, 0L)) / (double) window.toNanos()));
        return cores;
    }

    /**
     * The CPU clock ticks each JIT compiler thread of every group's processes has used so far, by process and thread:
     * the part of a run's CPU that is the JVMs compiling hot code rather than serving requests. A JVM that is still
     * warming a path up pays it during the run, so two systems measured after the same warm-up can differ by it. Read
     * from Linux's {@code /proc}; empty where there is none.
     */
    public Map<String, Long> readCompilers() {
        Map<String, Long> ticks = new HashMap<>();
        groups.get().values().forEach(pids -> pids.forEach(pid -> compilerTicks(pid, ticks)));
        return ticks;
    }

    private static void compilerTicks(long pid, Map<String, Long> ticks) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (var threads = Files.list(tasks)) {
            threads.forEach(thread -> {
                try {
                    long used = compilerTicksOf(Files.readString(thread.resolve("stat")));
                    if (used >= 0) {
                        ticks.put(pid + "/" + thread.getFileName(), used);
                    }
                } catch (IOException ended) {
                    // the thread ended between the listing and the read: it counts nothing
                }
            });
        } catch (IOException | java.io.UncheckedIOException gone) {
            // no /proc, or the process is gone: it counts nothing
        }
    }

    /**
     * A thread's user and system ticks from its {@code /proc/.../stat} line if it is a JIT compiler thread (HotSpot
     * names them "C1 CompilerThread0", "C2 CompilerThread1", cut to 15 characters), -1 otherwise. The name is in
     * parentheses and may hold spaces, so the fields are counted from the last ')'.
     */
    static long compilerTicksOf(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) {
            return -1;
        }
        String name = stat.substring(open + 1, close);
        if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
            return -1;
        }
        String[] fields = stat.substring(close + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime and stime, fields 14 and 15 of stat
    }

    /**
     * The JIT compiler threads' CPU microseconds per request between two {@link #readCompilers} readings. The JVM stops
     * compiler threads that have been idle a while, and one that stopped between the readings takes its last share with
     * it: the figure can fall short, never over.
     */
    public static double compilingPerRequest(Map<String, Long> before, Map<String, Long> after, long requests) {
        if (requests == 0) {
            return 0;
        }
        long ticks = 0;
        for (Map.Entry<String, Long> thread : after.entrySet()) {
            ticks += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
        }
        return ticks * MICROS_PER_TICK / requests;
    }

    /** Linux gives thread CPU in clock ticks of USER_HZ, 100 a second on x86 and ARM. */
    private static final double MICROS_PER_TICK = 10_000;

    /** Each group's CPU microseconds per request between two readings. */
    public static Map<String, Double> perRequest(Map<String, Long> before, Map<String, Long> after, long requests) {
        Map<String, Double> micros = new LinkedHashMap<>();
        if (requests == 0) {
            return micros;
        }
        after.forEach((name, nanos) -> micros.put(name, (nanos - before.getOrDefault(name, 0L)) / 1e3 / requests));
        return micros;
    }
}
