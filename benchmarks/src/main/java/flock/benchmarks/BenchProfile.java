package flock.benchmarks;

import flock.benchmarks.http.Mix;
import flock.benchmarks.http.RateSearch;
import flock.benchmarks.http.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much a benchmark run measures.
 *
 * @param users users in the generated graph
 * @param probe how long each load probe runs
 * @param half how long the run at half the max rate lasts
 * @param refinements bisection steps of the rate search (of its first, for a figure searched more than once)
 * @param searches how many times the max rate of a figure the first targets compare is searched, for its spread: the
 *     ceiling and Flock hybrid on home pages, Flock hybrid and the Redis design under the DeathStarBench and read-heavy
 *     mixes; the others are searched once
 * @param mixes the workload mixes measured (the ceiling only ever runs home pages)
 * @param graphFile a real graph to load instead of a generated one (undirected edges, followed both ways), or
 *     null
 * @param closedLoops closed-loop runs per system and mix, for the spread of the figures taken from them
 * @param systems the systems measured, by their short names (ceiling, push, redis, pull, hybrid)
 * @param warmUp the unmeasured closed loop before each system and mix (before a system's first mix with posts, at
 *     least {@link #FIRST_POSTS_WARM_UP}); a whole run measures Flock hybrid after every user's pages were read through
 *     it once and after the other systems, so a focused run that starts with it may need a longer one
 */
record BenchProfile(
        String name,
        int users,
        Duration probe,
        Duration half,
        int refinements,
        int searches,
        List<Mix> mixes,
        Path graphFile,
        int closedLoops,
        Set<String> systems,
        Duration warmUp) {

    /** Every system's short name, as {@code --only} takes them. */
    static final Set<String> ALL_SYSTEMS = Set.of("ceiling", "push", "redis", "pull", "hybrid");

    /**
     * The systems a whole run measures: all but Flock push-only, whose closed-loop home pages in the seven whole runs
     * of 2026-12-05 were within 16% of hybrid's either way, with no side ahead (hybrid is push-only for every account
     * below the pull threshold), and whose time the repeated searches of the compared figures need. {@code --only
     * push} still measures it.
     */
    static final Set<String> WHOLE_RUN_SYSTEMS = Set.of("ceiling", "redis", "pull", "hybrid");

    /** The mixes' short names, as {@code --mixes} takes them. */
    static final Map<String, Mix> MIXES = Map.of(
            "home", Mix.HOME_ONLY,
            "dsb", Mix.DEATH_STAR_BENCH,
            "read-heavy", Mix.READ_HEAVY,
            "posts", Mix.POSTS_ONLY,
            "engagement", Mix.ENGAGEMENT,
            "likes", Mix.LIKES_ONLY);

    /**
     * Every system, every mix, 10,000 users: about fourteen minutes on 2 cores, so that the whole {@code ./flock
     * bench} with the scaling and micro stages stays within twenty. The run at half the max rate lasts 4 s (about 6,000
     * requests in the DeathStarBench mix) to make room for the longer warm-up before the mixes with posts and the
     * repeated searches (with 5 s a whole run once took 20.1 minutes); one bisection step (a search with two took 20
     * minutes in all), since the repeats of the compared figures refine them.
     */
    static final BenchProfile FULL = new BenchProfile(
            "full",
            10_000,
            Duration.ofSeconds(3),
            Duration.ofSeconds(4),
            1,
            3,
            List.of(Mix.HOME_ONLY, Mix.DEATH_STAR_BENCH, Mix.READ_HEAVY, Mix.POSTS_ONLY, Mix.ENGAGEMENT),
            null,
            3,
            WHOLE_RUN_SYSTEMS,
            Duration.ofSeconds(3));

    /**
     * Every system on home pages, 2,000 users, one-second probes: under 3 minutes, a check that the whole
     * bench works and a first look, not figures to quote (the mixes with posts need the full profile's
     * longer probes to say anything about the fan-out).
     */
    static final BenchProfile QUICK = new BenchProfile(
            "quick",
            2_000,
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            0,
            1,
            List.of(Mix.HOME_ONLY),
            null,
            1,
            ALL_SYSTEMS,
            Duration.ofSeconds(1));

    BenchProfile withUsers(int count) {
        return new BenchProfile(
                name, count, probe, half, refinements, searches, mixes, graphFile, closedLoops, systems, warmUp);
    }

    BenchProfile withGraph(Path file) {
        return new BenchProfile(
                name, users, probe, half, refinements, searches, mixes, file, closedLoops, systems, warmUp);
    }

    /** Only these systems: a focused run (its report is named apart, so it never replaces a whole run's). */
    BenchProfile only(Set<String> chosen) {
        return new BenchProfile(
                name, users, probe, half, refinements, searches, mixes, graphFile, closedLoops, chosen, warmUp);
    }

    BenchProfile withMixes(List<Mix> chosen) {
        return new BenchProfile(
                name, users, probe, half, refinements, searches, chosen, graphFile, closedLoops, systems, warmUp);
    }

    BenchProfile withClosedLoops(int runs) {
        return new BenchProfile(
                name, users, probe, half, refinements, searches, mixes, graphFile, runs, systems, warmUp);
    }

    BenchProfile withWarmUp(Duration length) {
        return new BenchProfile(
                name, users, probe, half, refinements, searches, mixes, graphFile, closedLoops, systems, length);
    }

    /**
     * The warm-up before a system's first mix with posts: at least {@link #FIRST_POSTS_WARM_UP}, whatever the profile's
     * own. Until then no process has compiled the post path (the member's fan-out and write-behind, the API node's
     * post), and a focused DeathStarBench run of Flock after 3 s rose from 3,767 to about 6,400 requests a second and
     * fell from 350 to about 200 µs a request over ten 3-s closed loops, level only after about 24 s of the mix
     * (docs/benchmarks.md). Every system gets the same.
     */
    Duration warmUpFor(Mix mix, boolean postsServedBefore) {
        boolean firstWithPosts = mix.fansOut() && !postsServedBefore;
        return firstWithPosts && warmUp.compareTo(FIRST_POSTS_WARM_UP) < 0 ? FIRST_POSTS_WARM_UP : warmUp;
    }

    /** See {@link #warmUpFor}: the 3 s of the first closed loops and the 21 s before them make the 24 s measured. */
    static final Duration FIRST_POSTS_WARM_UP = Duration.ofSeconds(21);

    /** How the max rate of this system under this mix is searched: see {@code searches}. */
    RateSearch.Plan planFor(Target target, Mix mix) {
        return new RateSearch.Plan(compared(target, mix) ? searches : 1, refinements);
    }

    /** The figures of the first three targets: Flock against the ceiling, and against the Redis design with posts. */
    private static boolean compared(Target target, Mix mix) {
        if (mix == Mix.HOME_ONLY) {
            return target == Target.CEILING || target == Target.FLOCK_HYBRID;
        }
        boolean withPosts = mix == Mix.DEATH_STAR_BENCH || mix == Mix.READ_HEAVY;
        return withPosts && (target == Target.FLOCK_HYBRID || target == Target.REDIS);
    }

    boolean measures(String system) {
        return systems.contains(system);
    }
}
