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

    /**
     * Every system, every mix, 10,000 users: about ten minutes on 2 cores, so that the whole {@code ./flock
     * bench} with the scaling and micro stages stays within twenty.
     */
    static final BenchProfile FULL = new BenchProfile(
            "full",
            10_000,
            Duration.ofSeconds(3),
            Duration.ofSeconds(6),
            2,
            List.of(Mix.HOME_ONLY, Mix.DEATH_STAR_BENCH, Mix.READ_HEAVY, Mix.POSTS_ONLY),
            null);

    /**
     * Every system on home pages, 2,000 users, one-second probes: under 3 minutes, a check that the whole
     * bench works and a first look, not figures to quote (the mixes with posts need the full profile's
     * longer probes to say anything about the fan-out).
     */
    static final BenchProfile QUICK = new BenchProfile(
            "quick", 2_000, Duration.ofSeconds(1), Duration.ofSeconds(2), 0, List.of(Mix.HOME_ONLY), null);

    BenchProfile withUsers(int count) {
        return new BenchProfile(name, count, probe, half, refinements, mixes, graphFile);
    }

    BenchProfile withGraph(Path file) {
        return new BenchProfile(name, users, probe, half, refinements, mixes, file);
    }
}
