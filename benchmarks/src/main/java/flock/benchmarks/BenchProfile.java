package flock.benchmarks;

import flock.benchmarks.http.Mix;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How much a benchmark run measures.
 *
 * @param users users in the generated graph
 * @param probe how long each load probe runs
 * @param half how long the run at half the max rate lasts
 * @param refinements bisection steps of the rate search
 * @param mixes the workload mixes measured (the ceiling only ever runs home pages)
 * @param graphFile a real graph to load instead of a generated one (undirected edges, followed both ways), or
 *     null
 */
record BenchProfile(
        String name, int users, Duration probe, Duration half, int refinements, List<Mix> mixes, Path graphFile) {

    /** Every system, every mix, 10,000 users: about a quarter of an hour on 2 cores. */
    static final BenchProfile FULL = new BenchProfile(
            "full",
            10_000,
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            2,
            List.of(Mix.HOME_ONLY, Mix.DEATH_STAR_BENCH, Mix.READ_HEAVY),
            null);

    /** Every system, home pages and the DeathStarBench mix, 2,000 users, short probes: under 3 minutes. */
    static final BenchProfile QUICK = new BenchProfile(
            "quick",
            2_000,
            Duration.ofMillis(1_500),
            Duration.ofSeconds(2),
            0,
            List.of(Mix.HOME_ONLY, Mix.DEATH_STAR_BENCH),
            null);

    BenchProfile withUsers(int count) {
        return new BenchProfile(name, count, probe, half, refinements, mixes, graphFile);
    }

    BenchProfile withGraph(Path file) {
        return new BenchProfile(name, users, probe, half, refinements, mixes, file);
    }
}
