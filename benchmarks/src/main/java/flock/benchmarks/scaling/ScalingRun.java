package flock.benchmarks.scaling;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.HazelcastInstance;
import flock.benchmarks.BenchGc;
import flock.benchmarks.BenchRun;
import flock.benchmarks.ChildProcesses;
import flock.benchmarks.graph.GraphShape;
import flock.benchmarks.graph.SocialGraph;
import flock.benchmarks.http.LoadGenerator;
import flock.benchmarks.http.LoadResult;
import flock.benchmarks.http.Mix;
import flock.benchmarks.http.Target;
import flock.benchmarks.http.Workload;
import flock.benchmarks.load.Dataset;
import flock.benchmarks.load.ScaleLoader;
import flock.domain.MapNames;
import flock.testkit.FlockStack;
import flock.testkit.JvmProcess;
import flock.testkit.ProjectLayout;
import flock.testkit.StackMetrics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./flock bench --scaling [--sizes 10000,100000,1000000]}: the same measures at growing sizes, on
 * two members that keep data in memory only, each size on a fresh pair.
 *
 * <p>At each size: member heap after a full GC as profiles, credentials and follower lists, then an empty
 * cached feed per user, then 10,000 tweets are added (posted through the grid, so Flock's own fan-out puts
 * them into the feeds and its insert rate is measured); then home-page read latency over HTTP at a fixed
 * open-loop rate, with readers drawn from every user; then the memory of 10,000 feeds filled to 800. Cassandra is left out: loading the
 * history of a million users through one Cassandra node sharing two cores would take over an hour (the
 * full run measures the write-behind rate, rows per second, which does not depend on the user count). A
 * size that does not fit stops the stage there, and the report says so.
 */
public final class ScalingRun {
    private static final List<Integer> DEFAULT_SIZES = List.of(10_000, 100_000, 1_000_000);
    private static final String MEMBER_HEAP = "5g";
    private static final double READ_RATE = 1_000;
    /**
     * Each warm-up run at the read rate: 3,000 requests, enough for a p99, and a warmed size stops after fewer seconds
     * (three runs of 5 s were 15 s of every size's minute and a half).
     */
    static final Duration READ_WARM_UP = Duration.ofSeconds(3);

    /** At most this many warm-up runs: 24 s, about the five runs of 5 s the first sizes once needed. */
    static final int WARM_UP_RUNS = 8;

    private static final double WARM_P99_MILLIS = 20;
    private static final Duration READ_RUN = Duration.ofSeconds(8);
    private static final Duration CLOSED_LOOP = Duration.ofSeconds(5);
    private static final int CONNECTIONS = 64;

    /**
     * Readers of the second closed loop, the same number at every size: an API node's share of the readers active at
     * one time, whose token, feed head and lists it holds (a million users' first pages cost about seven grid calls
     * each, a page read before none; the report shows both).
     */
    static final int ACTIVE_READERS = 10_000;

    /**
     * Tweets posted at each size: about 200,000 timeline inserts, half a minute of steady fan-out (20,000
     * gave the same rate within 5% and took a minute at every size).
     */
    private static final int TWEETS = 10_000;

    /** Feeds filled to 800 entries at the end, for the memory of a full feed. */
    private static final int FULL_FEEDS = 10_000;

    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");
    private static final Pattern TWEET_MEMORY =
            Pattern.compile("(?m)^flock_map_memory_bytes\\{copy=\"\\w+\",map=\"tweets\"\\} (\\S+)$");

    private ScalingRun() {}

    public static void main(String[] args) throws IOException {
        ChildProcesses.stopOnExit();
        run(args, "./flock bench --scaling" + (args.length > 0 ? " " + String.join(" ", args) : ""));
    }

    /**
     * What the stage wrote and measured.
     *
     * @param report the report written
     * @param points the sizes measured, smallest first
     */
    public record Result(Path report, List<ScalePoint> points) {}

    /** Runs the stage; answers the report written. {@code command} is what the report says ran it. */
    public static Result run(String[] args, String command) throws IOException {
        List<Integer> sizes = sizes(args);
        java.util.logging.Logger.getLogger("com.hazelcast").setLevel(java.util.logging.Level.WARNING);
        long started = System.nanoTime();
        List<ScalePoint> points = new ArrayList<>();
        String stoppedAt = null;
        for (int users : sizes) {
            System.out.printf("%n== scaling: %,d users ==%n", users);
            try {
                points.add(measure(users));
            } catch (RuntimeException | OutOfMemoryError e) {
                stoppedAt = String.format("%,d users: %s", users, e);
                System.out.println("scaling stops at " + stoppedAt);
                break;
            }
        }
        double minutes = (System.nanoTime() - started) / 6e10;
        Path written = new ScalingReport(points, stoppedAt, command, minutes, MEMBER_HEAP, READ_RATE, TWEETS)
                .write(ProjectLayout.root().resolve("benchmarks/results"), LocalDate.now() + "-scaling");
        System.out.println("Report: " + written);
        return new Result(written, points);
    }

    private static ScalePoint measure(int users) {
        GraphShape shape = new GraphShape(users, 20, 5_000, 0.8, 1);
        System.out.println("generating the graph");
        SocialGraph graph = SocialGraph.generate(shape, 42);
        try (FlockStack stack = new FlockStack(null, "scale-" + users)
                .withMemberHeap(MEMBER_HEAP)
                .withJvmOptions(BenchGc.options())) {
            stack.startMember();
            stack.startMember();
            // The API node's near caches hold up to 100,000 profiles, tweets and credentials each.
            stack.startApi("api-node", "flock.apinode.Main", "2g", java.util.Map.of());
            stack.awaitMembers(2);
            StackMetrics metrics = new StackMetrics(stack);
            HazelcastInstance grid = HazelcastClient.newHazelcastClient(BenchRun.clientConfig(stack));
            try {
                // Ids below any the grid hands out from now on, counted up: the grid's own generator gives
                // about 128,000 a second, minutes for a million users' follows.
                AtomicLong nextId = new AtomicLong(
                        grid.getFlakeIdGenerator(MapNames.ID_GENERATOR).newId() - 2L * graph.edges() - 4L * users);
                Dataset data = Dataset.of(graph, shape.tweetsPerUser(), nextId::getAndIncrement, 42);
                ScaleLoader loader = new ScaleLoader(grid);
                long empty = heapAfterGc(stack);
                loader.loadAccounts(data, nextId::getAndIncrement);
                long accounts = heapAfterGc(stack);
                loader.cacheEmptyFeeds(data);
                long feeds = heapAfterGc(stack);
                ScaleLoader.FanOutRun fanOut =
                        loader.postThroughFanOut(data, TWEETS, () -> metrics.sum(StackMetrics.FAN_OUT_UPDATES));
                long tweetBytes = (long) metrics.sum(TWEET_MEMORY);
                System.out.printf(
                        "fan-out: %,d timeline inserts in %.1f s, %,.0f inserts/s%n",
                        fanOut.updates(), fanOut.seconds(), fanOut.updatesPerSecond());

                LoadGenerator generator = new LoadGenerator(
                        new InetSocketAddress("127.0.0.1", stack.apiUri().getPort()), CONNECTIONS);
                Workload homes = Target.FLOCK_PUSH.workload(Mix.HOME_ONLY, data);
                warmUp(generator, homes);
                LoadResult reads = generator.atRate(homes, READ_RATE, READ_RUN);
                LoadResult closed = generator.saturate(homes, CLOSED_LOOP);
                int[] active = activeReaders(users);
                generator.each(Target.FLOCK_PUSH.homePages(data, active));
                LoadResult activeClosed =
                        generator.saturate(Target.FLOCK_PUSH.workload(Mix.HOME_ONLY, data, active), CLOSED_LOOP);
                System.out.printf(
                        "reads at %,.0f/s: p50 %.2f ms, p99 %.2f ms, %d errors; closed loop %,.0f/s, over %,d readers"
                                + " read before %,.0f/s%n",
                        READ_RATE,
                        reads.millis(50),
                        reads.millis(99),
                        reads.errors(),
                        closed.throughput(),
                        active.length,
                        activeClosed.throughput());
                long posted = heapAfterGc(stack);
                loader.cacheEmptyFeeds(data);
                long emptied = heapAfterGc(stack);
                long fullEntries = loader.fillFeeds(data, FULL_FEEDS);
                long full = heapAfterGc(stack);
                return new ScalePoint(
                        users,
                        graph.edges(),
                        fanOut.tweets(),
                        empty,
                        accounts,
                        feeds,
                        posted,
                        emptied,
                        fullEntries,
                        full,
                        tweetBytes,
                        fanOut.updates(),
                        fanOut.seconds(),
                        reads.millis(50),
                        reads.millis(99),
                        reads.errors() + reads.unsent(),
                        closed.throughput(),
                        activeClosed.throughput());
            } finally {
                grid.shutdown();
            }
        }
    }

    /**
     * {@value #ACTIVE_READERS} users drawn at random (all if fewer), the same ones for a size in every run: the seed is
     * fixed, as the graph's is.
     */
    static int[] activeReaders(int users) {
        return new SplittableRandom(42)
                .ints(0, users)
                .distinct()
                .limit(Math.min(ACTIVE_READERS, users))
                .toArray();
    }

    /**
     * Reads at the measured rate until a run of it keeps p99 under the full run's bound (at most {@value
     * #WARM_UP_RUNS} runs): four JVMs compiling at once on two cores need longer at the first size than at later ones.
     */
    private static void warmUp(LoadGenerator generator, Workload homes) {
        for (int run = 1; run <= WARM_UP_RUNS; run++) {
            LoadResult warm = generator.atRate(homes, READ_RATE, READ_WARM_UP);
            System.out.printf("warm-up %d: p99 %.1f ms%n", run, warm.millis(99));
            if (warm.millis(99) < WARM_P99_MILLIS && warm.errors() == 0) {
                return;
            }
        }
    }

    /**
     * The bytes of live objects on both members' heaps, as the JDK's class histogram counts them after the
     * full collection it runs first: exact with any collector, so the members keep the benchmark's ZGC.
     */
    private static long heapAfterGc(FlockStack stack) {
        // Both members at once: each full collection of a 2.5 GB heap took about 10 s, mostly on one thread.
        long live = stack.members().parallelStream()
                .mapToLong(ScalingRun::liveBytes)
                .sum();
        System.out.printf("members' live heap: %,d MB%n", live >> 20);
        return live;
    }

    private static long liveBytes(JvmProcess member) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process histogram = new ProcessBuilder(jcmd.toString(), String.valueOf(member.pid()), "GC.class_histogram")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(histogram.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Matcher total = HISTOGRAM_TOTAL.matcher(out);
            if (histogram.waitFor() != 0 || !total.find()) {
                throw new IllegalStateException("jcmd GC.class_histogram failed on member " + member + ": "
                        + out.substring(Math.max(0, out.length() - 300)));
            }
            return Long.parseLong(total.group(1));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Integer> sizes(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--sizes") && i + 1 < args.length) {
                return Arrays.stream(args[i + 1].split(","))
                        .map(String::strip)
                        .map(Integer::parseInt)
                        .toList();
            }
            throw new IllegalArgumentException(
                    "unknown option " + args[i] + "; usage: ./flock bench --scaling [--sizes 10000,100000,1000000]");
        }
        return DEFAULT_SIZES;
    }
}
