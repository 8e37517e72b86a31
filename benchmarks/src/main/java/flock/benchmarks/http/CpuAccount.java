package flock.benchmarks.http;

import java.time.Duration;
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
