package flock.benchmarks;

import java.util.List;

/**
 * The garbage collector of the JVMs a benchmark starts (members and the server): generational ZGC unless the
 * {@code bench.gc} property or the {@code FLOCK_BENCH_GC} environment variable names other options, as
 * {@code FLOCK_BENCH_GC="-XX:+UseG1GC" ./flock bench}, so that one collector can be measured against another.
 */
public final class BenchGc {
    static final String DEFAULT = "-XX:+UseZGC";

    private BenchGc() {}

    public static List<String> options() {
        String chosen = System.getProperty("bench.gc", System.getenv().getOrDefault("FLOCK_BENCH_GC", DEFAULT));
        return List.of(chosen.trim().split("\\s+"));
    }
}
