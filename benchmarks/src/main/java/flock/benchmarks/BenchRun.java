package flock.benchmarks;

import com.datastax.oss.driver.api.core.CqlSession;
import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.ClientFlakeIdGeneratorConfig;
import com.hazelcast.core.HazelcastInstance;
import flock.benchmarks.graph.GraphShape;
import flock.benchmarks.graph.SocialGraph;
import flock.benchmarks.http.CpuAccount;
import flock.benchmarks.http.LoadGenerator;
import flock.benchmarks.http.Mix;
import flock.benchmarks.http.RateSearch;
import flock.benchmarks.http.Target;
import flock.benchmarks.load.Dataset;
import flock.benchmarks.load.GridLoader;
import flock.benchmarks.load.RedisLoader;
import flock.benchmarks.report.Measurement;
import flock.benchmarks.report.Report;
import flock.domain.MapNames;
import flock.domain.serialization.DomainSerializers;
import flock.mapstores.CassandraConfig;
import flock.mapstores.CassandraSessions;
import flock.testkit.CassandraServer;
import flock.testkit.FlockStack;
import flock.testkit.ProjectLayout;
import flock.testkit.StackMetrics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import redis.clients.jedis.Jedis;

/**
 * {@code ./flock bench [--quick] [--users N | --reed98]}: Flock against its baselines in one run on one machine,
 * on a generated graph or on the real socfb-Reed98 friendship graph.
 *
 * <p>Starts a real Cassandra, a real Redis, two grid members and the bench server (Flock's API with the
 * baselines beside it), loads one generated heavy-tailed graph into all of them, waits until Cassandra has
 * it (the write-behind rate), then measures each system under each workload mix with the open-loop load
 * generator, switches the biggest accounts to pull and measures Flock hybrid, and writes
 * {@code benchmarks/results/DATE.md} with its plots.
 */
public final class BenchRun {
    private static final double P99_BOUND_MILLIS = 20;

    /** The longest the loaders may go on reading Cassandra after the tweets and their counts are held. */
    private static final Duration LOAD_PATIENCE = Duration.ofMinutes(2);

    private static final int CONNECTIONS = 64;
    private static final int COUNTS_IN_FLIGHT = 128;

    /** Accounts above this follower percentile are switched to pull for the hybrid runs. */
    private static final double PULL_PERCENTILE = 99.5;

    /** Held, so the level set on it stays: the clients' INFO lines would bury the progress. */
    private static final java.util.logging.Logger HAZELCAST_LOG = java.util.logging.Logger.getLogger("com.hazelcast");

    private BenchRun() {}

    public static void main(String[] args) throws IOException {
        ChildProcesses.stopOnExit();
        run(args);
    }

    /** Runs the comparison; answers the report written. */
    public static Path run(String[] args) throws IOException {
        BenchProfile profile = profile(args);
        HAZELCAST_LOG.setLevel(java.util.logging.Level.WARNING);
        long started = System.nanoTime();
        Report report = new Report(P99_BOUND_MILLIS);
        report.setting("Command: `./flock bench" + (args.length > 0 ? " " + String.join(" ", args) : "") + "` ("
                + profile.name() + " profile), " + LocalDate.now());
        report.setting(machine());
        KernelMemoryMonitor.describe(KernelMemoryMonitor.SYSFS).ifPresent(report::setting);
        // A fresh Cassandra every run: rows left by an earlier run would be counted as this one's.
        deleteRecursively(ProjectLayout.scratch("bench-cassandra"));
        try (CassandraServer cassandra =
                        ChildProcesses.closeOnExit(CassandraServer.start(ProjectLayout.scratch("bench-cassandra")));
                RedisServer redis =
                        ChildProcesses.closeOnExit(RedisServer.start(ProjectLayout.scratch("bench-redis")));
                FlockStack stack =
                        new FlockStack(cassandra, "bench").withMemberHeap("2g").withJvmOptions(BenchGc.options())) {
            stack.startMember();
            stack.startMember();
            stack.startApi(
                    "benchmarks",
                    "flock.benchmarks.server.BenchServer",
                    "1g",
                    Map.of(
                            "bench.redis.port", String.valueOf(redis.port()),
                            "flock.cassandra.contact-points", cassandra.contactPoint(),
                            "flock.cassandra.keyspace", stack.keyspace()));
            stack.awaitMembers(2);
            HazelcastInstance grid = HazelcastClient.newHazelcastClient(clientConfig(stack));
            try {
                run(profile, report, stack, grid, redis, cassandra);
            } finally {
                grid.shutdown();
            }
        }
        ChildProcesses.closed();
        report.setting(String.format("Whole run: %.1f minutes", (System.nanoTime() - started) / 6e10));
        Path dir = ProjectLayout.root().resolve("benchmarks/results");
        String name = LocalDate.now()
                + (profile.name().equals("quick") ? "-quick" : "")
                + (focused(args) ? "-focused" : "")
                + (profile.graphFile() != null ? "-reed98" : "");
        Path written = report.write(dir, name, "Flock benchmark, " + LocalDate.now());
        System.out.println(report.summaryTable());
        System.out.println("Report: " + written);
        return written;
    }

    private static void run(
            BenchProfile profile,
            Report report,
            FlockStack stack,
            HazelcastInstance grid,
            RedisServer redis,
            CassandraServer cassandra)
            throws IOException {
        GraphShape shape = GraphShape.of(profile.users());
        SocialGraph graph = profile.graphFile() == null
                ? SocialGraph.generate(shape, 42)
                : SocialGraph.fromUndirectedEdges(profile.graphFile());
        Dataset data =
                Dataset.of(graph, shape.tweetsPerUser(), grid.getFlakeIdGenerator(MapNames.ID_GENERATOR)::newId, 42);
        int[] followers = graph.followerCounts();
        int[] sorted = followers.clone();
        Arrays.sort(sorted);
        report.setting(String.format(
                "Dataset: %,d users, %,d follows (mean %.1f, %s), %,d tweets; followers per account: median %,d, p99"
                        + " %,d, max %,d",
                data.users(),
                graph.edges(),
                (double) graph.edges() / data.users(),
                profile.graphFile() == null
                        ? String.format(
                                "generated: log-normal following, Zipf popularity exponent %.1f",
                                shape.popularityExponent())
                        : "socfb-Reed98, each friendship a follow both ways",
                data.tweetCount(),
                sorted[sorted.length / 2],
                sorted[(int) (sorted.length * 0.99)],
                sorted[sorted.length - 1]));
        CassandraConfig cassandraConfig = CassandraConfig.fromMap(
                Map.of("contact-points", cassandra.contactPoint(), "keyspace", stack.keyspace()));
        GridLoader loader = new GridLoader(grid);
        long loadStart = System.nanoTime();
        long behindStart;
        double behindSeconds;
        try (CqlSession session = CassandraSessions.open(cassandraConfig, Duration.ofMinutes(1))) {
            long[][] followEdges = loader.loadHistory(data, session);
            // The members' loaders may still be reading the per-user lists; the write-behind rate is timed alone.
            double settled = MachineQuiet.await(MachineQuiet.STACK_IDLE_SHARE, LOAD_PATIENCE);
            System.out.printf("read through: the members' loads done %.0f s later%n", settled);
            behindStart = loader.putRest(data, followEdges);
            behindSeconds = awaitWrittenBehind(new StackMetrics(stack), session, data, behindStart);
        }
        double gridSeconds = (System.nanoTime() - loadStart) / 1e9;
        long redisStart = System.nanoTime();
        try (Jedis jedis = new Jedis("127.0.0.1", redis.port())) {
            new RedisLoader(jedis).load(data);
        }
        double redisSeconds = (System.nanoTime() - redisStart) / 1e9;
        report.setting(String.format(
                "Load: history (follows, tweets) imported into Cassandra and read through into the grid with what"
                        + " pages read beside it (counts, likes, reposts, blocks, mutes), the rest set in bulk, %.1f s"
                        + " in all; Redis %.1f s (pipelined). Write-behind into Cassandra:"
                        + " %,d rows (profiles, handles, credentials, follower edges) in %.1f s, %,.0f rows/s",
                gridSeconds,
                redisSeconds,
                GridLoader.writtenBehindRows(data),
                behindSeconds,
                GridLoader.writtenBehindRows(data) / behindSeconds));

        if (Boolean.getBoolean("bench.hold")) { // for profiling by hand: the stack stays up an hour
            Path accounts = ProjectLayout.scratch("bench-hold").resolve("accounts.csv");
            List<String> lines = IntStream.range(0, data.users())
                    .mapToObj(u -> data.userIds[u] + "," + data.tokens[u])
                    .toList();
            java.nio.file.Files.write(accounts, lines);
            System.out.println("holding the loaded stack (bench.hold): bench server on " + stack.apiUri()
                    + "; every user's id and token in " + accounts);
            sleep(Duration.ofHours(1));
        }
        LoadGenerator generator = new LoadGenerator(
                new InetSocketAddress("127.0.0.1", stack.apiUri().getPort()), CONNECTIONS);
        RateSearch search = new RateSearch(
                generator,
                P99_BOUND_MILLIS,
                profile.probe(),
                profile.half(),
                profile.closedLoops(),
                System.out::println,
                new CpuAccount(() -> processes(stack)));
        StackMetrics metrics = new StackMetrics(stack);
        // Pull on read has no cache to warm, and a pass would take minutes at its rate.
        for (Target target : List.of(Target.CEILING, Target.FLOCK_PUSH, Target.REDIS)) {
            if (profile.measures(shortName(target)) || target == Target.FLOCK_PUSH && profile.measures("hybrid")) {
                System.out.println("warming " + target.name() + " up: every user's pages once");
                generator.each(target.everyPage(data));
            }
        }
        report.setting("Warm-up: before any measurement every user's home page and own page were read once"
                + " from each system measured (Flock, Redis, the ceiling; pull on read has no cache), so caches (Flock's near cache and kept tweet JSON, Redis) hold what steady"
                + " traffic keeps, and the JIT has compiled the read paths; then before each system and mix an"
                + " unmeasured closed loop of " + profile.warmUp().toSeconds() + " s, and of at least "
                + BenchProfile.FIRST_POSTS_WARM_UP.toSeconds() + " s before each system's first mix with posts, whose"
                + " paths (the post, the fan-out, the write-behind) nothing has compiled before");
        report.setting("Rate limits: raised to " + FlockStack.RAISED_LIMIT + " requests per period"
                + " (the load generator is thousands of users on one address); the limiter still runs, so its cost"
                + " is in Flock's figures");
        measure(report, search, metrics, data, Target.FLOCK_PUSH, profile);
        measure(report, search, metrics, data, Target.REDIS, profile);
        measure(report, search, metrics, data, Target.PULL, profile);
        int threshold = sorted[(int) (sorted.length * PULL_PERCENTILE / 100)];
        int[] big = IntStream.range(0, data.users())
                .filter(u -> followers[u] > threshold)
                .toArray();
        loader.switchToPull(data, big);
        report.setting(String.format(
                "Hybrid: the %d accounts with more than %,d followers (the top %.1f%%) switched to pull, as the"
                        + " production threshold (10,000) would at scale",
                big.length, threshold, 100 - PULL_PERCENTILE));
        measure(report, search, metrics, data, Target.FLOCK_HYBRID, profile);
        if (profile.measures("ceiling")) {
            // Last: right after the bulk load Cassandra may still be compacting, and the ceiling shares its cores.
            report.add(measureOne(search, metrics, data, Target.CEILING, Mix.HOME_ONLY, profile, profile.warmUp()));
            report.setting("Ceiling: measured last, when the bulk load's compactions are over (of 21 runs of"
                    + " 2026-12-03 to 05 that measured it first and last, 14 found the higher max rate last)");
        }
    }

    private static void measure(
            Report report, RateSearch search, StackMetrics metrics, Dataset data, Target target, BenchProfile profile) {
        if (!profile.measures(shortName(target))) {
            return;
        }
        boolean postsServed = false;
        for (Mix mix : profile.mixes()) {
            // The mixes with posts compare Flock as it runs (hybrid) with the Redis design, which the targets ask
            // about; push-only runs home pages alone (what pulling big accounts costs a read; a whole run leaves it
            // out, BenchProfile.WHOLE_RUN_SYSTEMS) and pull on read the DeathStarBench mix besides, so that the whole
            // run keeps within twenty minutes. A focused run (--only push --mixes dsb) still measures the others.
            if (skippedInAWholeRun(target, mix) && profile.systems().equals(BenchProfile.WHOLE_RUN_SYSTEMS)) {
                continue;
            }
            if (target == Target.PULL && mix.engages()) {
                System.out.println(target.name() + ", " + mix.name() + ": skipped, pull on read keeps no likes");
                continue;
            }
            report.add(measureOne(search, metrics, data, target, mix, profile, profile.warmUpFor(mix, postsServed)));
            postsServed |= mix.fansOut();
        }
    }

    private static boolean skippedInAWholeRun(Target target, Mix mix) {
        if (target == Target.FLOCK_PUSH) {
            return mix != Mix.HOME_ONLY;
        }
        return target == Target.PULL && (mix == Mix.POSTS_ONLY || mix == Mix.READ_HEAVY || mix.engages());
    }

    /** The name {@code --only} knows a system by. */
    private static String shortName(Target target) {
        if (target == Target.CEILING) {
            return "ceiling";
        } else if (target == Target.FLOCK_PUSH) {
            return "push";
        } else if (target == Target.REDIS) {
            return "redis";
        } else if (target == Target.PULL) {
            return "pull";
        }
        return "hybrid";
    }

    private static boolean focused(String[] args) {
        return List.of(args).contains("--only") || List.of(args).contains("--mixes");
    }

    /** @param warmUp the closed loop run first, unmeasured */
    private static Measurement measureOne(
            RateSearch search,
            StackMetrics metrics,
            Dataset data,
            Target target,
            Mix mix,
            BenchProfile profile,
            Duration warmUp) {
        System.out.println(target.name() + ", " + mix.name() + ":");
        double settled = MachineQuiet.await(MachineQuiet.STACK_IDLE_SHARE, Duration.ofSeconds(90));
        System.out.printf("  (waited %.0f s for the machine to be quiet)%n", settled);
        boolean flock = target == Target.FLOCK_PUSH || target == Target.FLOCK_HYBRID;
        TreeMap<Double, Double> lagBefore = flock ? metrics.lagBuckets() : null;
        double hitsBefore = flock ? metrics.api(StackMetrics.HEAD_HITS) : 0;
        double missesBefore = flock ? metrics.api(StackMetrics.HEAD_MISSES) : 0;
        RateSearch.Capacity capacity = search.measure(target.workload(mix, data), warmUp, profile.planFor(target, mix));
        double p50 = flock ? metrics.lagQuantile(lagBefore, 0.5) * 1000 : Double.NaN;
        double p99 = flock ? metrics.lagQuantile(lagBefore, 0.99) * 1000 : Double.NaN;
        double hits = flock ? metrics.api(StackMetrics.HEAD_HITS) - hitsBefore : 0;
        double misses = flock ? metrics.api(StackMetrics.HEAD_MISSES) - missesBefore : 0;
        double hitShare = hits + misses > 0 ? hits / (hits + misses) : Double.NaN;
        if (!Double.isNaN(hitShare)) {
            System.out.printf("  first home pages from cached heads: %.0f%% of %,.0f%n", 100 * hitShare, hits + misses);
        }
        return new Measurement(target, mix, capacity, p50, p99, hitShare);
    }

    /**
     * Waits until no member has entries waiting in a write-behind queue (its own metric, summed over the
     * members), then checks the rows in Cassandra once; answers the seconds since {@code since}.
     */
    private static double awaitWrittenBehind(StackMetrics metrics, CqlSession session, Dataset data, long since) {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            double pending = metrics.sum(StackMetrics.WRITE_BEHIND_PENDING);
            System.out.printf("write-behind: %,.0f entries still queued on the members%n", pending);
            if (pending == 0) {
                double seconds = (System.nanoTime() - since) / 1e9;
                long followers = countFollowerEdges(session, data);
                if (followers < data.graph.edges()) {
                    throw new IllegalStateException("the write-behind queues are empty but Cassandra holds " + followers
                            + " of " + data.graph.edges() + " follower edges");
                }
                return seconds;
            }
            sleep(Duration.ofSeconds(1));
        }
        throw new IllegalStateException("the write-behind did not bring the dataset into Cassandra in 10 minutes");
    }

    /**
     * The follower edges in Cassandra, counted one user's partition at a time (a few hundred queries in
     * flight). A full-table COUNT right after a bulk write ran into the server's range-scan timeout while it
     * compacted, and took 20 s on the quick profile's 2,000 users.
     */
    private static long countFollowerEdges(CqlSession session, Dataset data) {
        var count = session.prepare("SELECT COUNT(*) FROM followers WHERE user_id = ?");
        java.util.concurrent.atomic.AtomicLong edges = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(COUNTS_IN_FLIGHT);
        for (long user : data.userIds) {
            inFlight.acquireUninterruptibly();
            session.executeAsync(count.bind(user).setTimeout(Duration.ofSeconds(30)))
                    .whenComplete((rows, error) -> {
                        if (error != null) {
                            failure.compareAndSet(null, error);
                        } else {
                            edges.addAndGet(rows.one().getLong(0));
                        }
                        inFlight.release();
                    });
        }
        inFlight.acquireUninterruptibly(COUNTS_IN_FLIGHT);
        if (failure.get() != null) {
            throw new IllegalStateException("counting follower edges in Cassandra failed", failure.get());
        }
        return edges.get();
    }

    /** The stack's processes by part, for the CPU per request of each system. */
    private static Map<String, List<Long>> processes(FlockStack stack) {
        Map<String, List<Long>> groups = new java.util.LinkedHashMap<>();
        groups.put("bench server (API node)", List.of(stack.api().pid()));
        groups.put(
                "members", stack.members().stream().map(member -> member.pid()).toList());
        groups.put("Cassandra", pidFile(ProjectLayout.scratch("bench-cassandra").resolve("cassandra.pid")));
        groups.put("Redis", pidFile(ProjectLayout.scratch("bench-redis").resolve("redis.pid")));
        groups.put("load generator", List.of(ProcessHandle.current().pid()));
        return groups;
    }

    private static List<Long> pidFile(Path file) {
        try {
            return List.of(Long.parseLong(java.nio.file.Files.readString(file).strip()));
        } catch (IOException | NumberFormatException e) {
            return List.of(); // not running: it counts nothing
        }
    }

    /** A grid client of the benchmark's own for the stack: bulk loads and the switch to pull. */
    public static ClientConfig clientConfig(FlockStack stack) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(stack.clusterName());
        config.getNetworkConfig().setAddresses(stack.memberAddresses());
        // The loader takes ids by the hundred thousand: prefetch many per round trip.
        config.addFlakeIdGeneratorConfig(
                new ClientFlakeIdGeneratorConfig(MapNames.ID_GENERATOR).setPrefetchCount(10_000));
        config.setProperty("hazelcast.logging.type", "jdk");
        DomainSerializers.registerAll(config.getSerializationConfig().getCompactSerializationConfig());
        return config;
    }

    private static BenchProfile profile(String[] args) {
        BenchProfile profile = BenchProfile.FULL;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> profile = BenchProfile.QUICK;
                case "--users" -> profile = profile.withUsers(Integer.parseInt(args[++i]));
                case "--reed98" ->
                    profile = profile.withGraph(
                            ProjectLayout.root().resolve("benchmarks/data/socfb-Reed98/socfb-Reed98.edges"));
                case "--only" -> profile = profile.only(names(value(args, ++i), BenchProfile.ALL_SYSTEMS, "--only"));
                case "--mixes" ->
                    profile = profile.withMixes(names(value(args, ++i), BenchProfile.MIXES.keySet(), "--mixes").stream()
                            .map(BenchProfile.MIXES::get)
                            .toList());
                case "--closed-loops" -> profile = profile.withClosedLoops(Integer.parseInt(value(args, ++i)));
                case "--warm-up" ->
                    profile = profile.withWarmUp(Duration.ofSeconds(Integer.parseInt(value(args, ++i))));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
            }
        }
        return profile;
    }

    private static final String USAGE = "usage: ./flock bench [--quick] [--users N | --reed98]"
            + " [--only ceiling,push,redis,pull,hybrid] [--mixes home,dsb,read-heavy,posts,engagement,likes] [--closed-loops N]"
            + " [--warm-up SECONDS]";

    private static String value(String[] args, int at) {
        if (at >= args.length) {
            throw new IllegalArgumentException(args[at - 1] + " needs a value; " + USAGE);
        }
        return args[at];
    }

    /** A comma-separated list of known names, in the order given. */
    private static java.util.Set<String> names(String list, java.util.Set<String> known, String option) {
        java.util.Set<String> chosen = new java.util.LinkedHashSet<>();
        for (String name : list.split(",")) {
            if (!known.contains(name.strip())) {
                throw new IllegalArgumentException(option + ": unknown name '" + name.strip() + "' (known: "
                        + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
            chosen.add(name.strip());
        }
        return chosen;
    }

    private static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(
                "Machine: %d cores, %.0f GiB, %s %s, Java %s; load generator, bench server, 2 members, Cassandra and"
                        + " Redis all on this machine",
                runtime.availableProcessors(),
                ((com.sun.management.OperatingSystemMXBean)
                                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                                .getTotalMemorySize()
                        / (1024.0 * 1024 * 1024),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                System.getProperty("java.version"));
    }

    static void deleteRecursively(Path dir) throws IOException {
        try (var paths = java.nio.file.Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(path);
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
