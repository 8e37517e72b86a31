package flock.benchmarks;

import com.datastax.oss.driver.api.core.CqlSession;
import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.HazelcastInstance;
import flock.apinode.account.Accounts;
import flock.apinode.graph.Graph;
import flock.apinode.graph.GraphSettings;
import flock.apinode.graph.PullAccounts;
import flock.apinode.paging.PageRequest;
import flock.apinode.safety.Blocks;
import flock.apinode.timeline.FeedMetrics;
import flock.apinode.timeline.FeedSettings;
import flock.apinode.timeline.HomeFeed;
import flock.benchmarks.graph.GraphShape;
import flock.benchmarks.graph.SocialGraph;
import flock.benchmarks.http.LoadGenerator;
import flock.benchmarks.http.LoadResult;
import flock.benchmarks.http.Mix;
import flock.benchmarks.http.Target;
import flock.benchmarks.load.Dataset;
import flock.benchmarks.load.GridLoader;
import flock.benchmarks.load.Progress;
import flock.domain.MapNames;
import flock.mapstores.CassandraConfig;
import flock.mapstores.CassandraSessions;
import flock.testkit.CassandraServer;
import flock.testkit.FlockClient;
import flock.testkit.FlockStack;
import flock.testkit.JvmProcess;
import flock.testkit.ProjectLayout;
import flock.testkit.StackMetrics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * {@code ./flock bench --streams [followers] [tweets]}: what live streams cost one API node and how fast they deliver
 * while the benchmark's mixes run. Two members and an API node (1 GB heap), loaded with the benchmark's dataset (10,000
 * users, their follows and tweets, the biggest 0.5% in pull mode, as {@code ./flock bench} runs it); {@code followers}
 * more accounts (10,000 by default) follow one author and each holds a stream open from this JVM. Measured: the API
 * node's heap (after a full collection) and resident memory before and after the streams opened, per stream; then,
 * in three phases, the author posts {@code tweets} tweets (20), one every two seconds, and each stream's delivery is
 * timed from the post's acknowledgement (p50, p99, the slowest, how many arrived): with nothing else running, then
 * while the DeathStarBench mix and then the read-heavy mix run open loop over the dataset's users at half the rate
 * each one's p99 stays within 20 ms in the full benchmark. Writes {@code benchmarks/results/DATE-streams.md}.
 */
public final class StreamBench {
    /** Users of the benchmark's dataset, as in its full profile. */
    private static final int DATASET_USERS = 10_000;

    /** The benchmark's own: accounts above this percentile of followers are switched to pull. */
    private static final double PULL_PERCENTILE = 99.5;

    /** Connections of the load generator, as the benchmark uses. */
    private static final int CONNECTIONS = 64;

    /**
     * Each mix at half of Flock's highest rate with p99 within 20 ms in the full benchmark on this machine
     * ({@code benchmarks/results/2026-12-03-sixth.md}: DeathStarBench 1,810 and read-heavy 2,096 requests/s), the
     * rate at which that benchmark reports its latencies.
     */
    private static final List<Phase> PHASES = List.of(
            new Phase("no mix", null, 0),
            new Phase(Mix.DEATH_STAR_BENCH.name(), Mix.DEATH_STAR_BENCH, 905),
            new Phase(Mix.READ_HEAVY.name(), Mix.READ_HEAVY, 1_048));

    /** The author posts this often: each post is one delivery per stream. */
    private static final int POST_EVERY_MILLIS = 2_000;

    /** Handles of this run (the dataset's are b0, b1, ...). */
    private static final String RUN = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);

    /** One phase of deliveries: the mix beside it (none) and its rate. */
    private record Phase(String name, Mix mix, double rate) {}

    /** A phase's figures: the deliveries' lags (nanoseconds) and the mix's own result (none without a mix). */
    private record PhaseResult(Phase phase, long[] lags, LoadResult mix) {}

    private StreamBench() {}

    public static void main(String[] args) throws Exception {
        int followers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int tweets = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        ChildProcesses.stopOnExit();
        String report;
        // A fresh Cassandra every run, as the benchmark's: the dataset's rows of an earlier run would be in the way.
        BenchRun.deleteRecursively(ProjectLayout.scratch("streams-cassandra"));
        try (CassandraServer cassandra =
                        ChildProcesses.closeOnExit(CassandraServer.start(ProjectLayout.scratch("streams-cassandra")));
                FlockStack stack = new FlockStack(cassandra, "streams")) {
            stack.startMember();
            stack.startMember();
            JvmProcess api = stack.startApi(
                    "api-node", "flock.apinode.Main", "1g", Map.of("flock.streaming.max-connections", "50000"));
            stack.awaitMembers(2);
            HazelcastInstance grid = HazelcastClient.newHazelcastClient(BenchRun.clientConfig(stack));
            try {
                Dataset data = load(stack, cassandra, grid);
                report = run(stack, api, grid, data, followers, tweets);
            } finally {
                grid.shutdown();
            }
        }
        ChildProcesses.closed();
        Path out = ProjectLayout.root().resolve("benchmarks/results").resolve(LocalDate.now() + "-streams.md");
        Files.writeString(out, report);
        System.out.println(report);
        System.out.println("written to " + out);
    }

    /** The benchmark's dataset, loaded as {@code ./flock bench} loads it, and its biggest accounts switched to pull. */
    private static Dataset load(FlockStack stack, CassandraServer cassandra, HazelcastInstance grid) throws Exception {
        GraphShape shape = GraphShape.of(DATASET_USERS);
        SocialGraph graph = SocialGraph.generate(shape, 42);
        Dataset data =
                Dataset.of(graph, shape.tweetsPerUser(), grid.getFlakeIdGenerator(MapNames.ID_GENERATOR)::newId, 42);
        GridLoader loader = new GridLoader(grid);
        CassandraConfig config = CassandraConfig.fromMap(
                Map.of("contact-points", cassandra.contactPoint(), "keyspace", stack.keyspace()));
        try (CqlSession session = CassandraSessions.open(config, Duration.ofMinutes(1))) {
            loader.load(data, session);
        }
        StackMetrics metrics = new StackMetrics(stack);
        while (metrics.sum(StackMetrics.WRITE_BEHIND_PENDING) > 0) {
            System.out.printf(
                    "write-behind: %,.0f entries still queued on the members%n",
                    metrics.sum(StackMetrics.WRITE_BEHIND_PENDING));
            Thread.sleep(1_000);
        }
        int[] followers = graph.followerCounts();
        int[] sorted = followers.clone();
        Arrays.sort(sorted);
        int threshold = sorted[(int) (sorted.length * PULL_PERCENTILE / 100)];
        loader.switchToPull(
                data,
                IntStream.range(0, data.users())
                        .filter(u -> followers[u] > threshold)
                        .toArray());
        return data;
    }

    private static String run(
            FlockStack stack, JvmProcess api, HazelcastInstance grid, Dataset data, int followers, int tweets)
            throws Exception {
        URI base = stack.apiUri();
        FlockClient client = new FlockClient(base);
        FlockClient.Account author = client.signUp("a_" + RUN);
        List<String> tokens = followersOf(grid, Long.parseLong(author.id()), followers);
        LoadGenerator generator = new LoadGenerator(new InetSocketAddress("127.0.0.1", base.getPort()), CONNECTIONS);
        System.out.println("warming the API node up: every dataset user's pages once");
        generator.each(Target.FLOCK_HYBRID.everyPage(data));

        Memory before = Memory.of(api);
        HttpClient http = HttpClient.newBuilder()
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        AtomicReference<List<Long>> lags = new AtomicReference<>(newLags());
        AtomicInteger opened = new AtomicInteger();
        List<InputStream> bodies = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            Progress progress = new Progress("streams opened", followers);
            for (String token : tokens) {
                readers.submit(() -> read(http, base, token, acknowledged, lags, opened, bodies));
            }
            for (int shown = 0; shown < followers; ) {
                Thread.sleep(500);
                int now = opened.get();
                progress.advance(now - shown);
                shown = now;
            }
            progress.finish();
            Thread.sleep(10_000); // idle: heartbeats only
            Memory open = Memory.of(api);
            String histogram = Memory.histogram(api, 12);

            List<PhaseResult> results = new ArrayList<>();
            for (Phase phase : PHASES) {
                results.add(deliver(phase, generator, data, client, author, tweets, acknowledged, lags));
            }
            bodies.forEach(StreamBench::closeQuietly);
            readers.shutdownNow();
            return report(followers, tweets, before, open, results)
                    + "\nWhat the API node's heap holds with the streams open, largest first (`jcmd GC.class_histogram`):"
                    + "\n\n```\n" + histogram + "```\n";
        }
    }

    /**
     * One phase: the mix (if any) runs open loop while the author posts, one tweet every two seconds; the mix runs on
     * five seconds past the last post, for its deliveries.
     */
    private static PhaseResult deliver(
            Phase phase,
            LoadGenerator generator,
            Dataset data,
            FlockClient client,
            FlockClient.Account author,
            int tweets,
            Map<String, Long> acknowledged,
            AtomicReference<List<Long>> lags)
            throws Exception {
        System.out.println("delivering " + tweets + " tweets with " + phase.name()
                + (phase.mix() == null ? "" : " at " + phase.rate() + " requests/s"));
        Duration length = Duration.ofMillis((long) tweets * POST_EVERY_MILLIS + 5_000);
        CompletableFuture<LoadResult> mix = phase.mix() == null
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(
                        () -> generator.atRate(Target.FLOCK_HYBRID.workload(phase.mix(), data), phase.rate(), length),
                        Executors.newVirtualThreadPerTaskExecutor());
        lags.set(newLags());
        for (int i = 0; i < tweets; i++) {
            FlockClient.Answer posted = client.tweet(author, "streamed " + phase.name() + " " + i);
            acknowledged.put(posted.string("id"), System.nanoTime());
            Thread.sleep(POST_EVERY_MILLIS);
        }
        Thread.sleep(5_000); // the last deliveries
        LoadResult mixed = mix.get();
        List<Long> phaseLags = lags.getAndSet(newLags());
        long[] sorted;
        synchronized (phaseLags) {
            sorted = phaseLags.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        return new PhaseResult(phase, sorted, mixed);
    }

    private static List<Long> newLags() {
        return java.util.Collections.synchronizedList(new ArrayList<>());
    }

    /** Accounts that follow the author, made through the API node's own services over a grid client (fast). */
    private static List<String> followersOf(HazelcastInstance grid, long author, int count) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            Accounts accounts = new Accounts(grid);
            Blocks blocks = new Blocks(grid);
            Graph graph = new Graph(
                    grid,
                    accounts,
                    new PullAccounts(grid, FeedSettings.DEFAULTS.pullThreshold()),
                    GraphSettings.DEFAULTS,
                    blocks);
            HomeFeed homes = new HomeFeed(
                    grid,
                    graph,
                    new PullAccounts(grid, FeedSettings.DEFAULTS.pullThreshold()),
                    FeedSettings.DEFAULTS,
                    FeedMetrics.register(grid));
            Progress progress = new Progress("followers signed up", count);
            List<Future<String>> made = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                made.add(pool.submit(() -> {
                    Accounts.SignUp signUp = accounts.signUp("f" + RUN + "_" + n, "Fan " + n);
                    graph.follow(signUp.user().id(), author);
                    // Read once, as a client reads its home page before it opens the stream: the feed is in memory.
                    homes.page(signUp.user().id(), new PageRequest(20, Long.MAX_VALUE, 0));
                    progress.advance(1);
                    return signUp.token();
                }));
            }
            List<String> tokens = new ArrayList<>();
            for (Future<String> token : made) {
                tokens.add(token.get());
            }
            progress.finish();
            return tokens;
        }
    }

    /** One stream: each update naming a timed tweet adds its lag from the acknowledgement. */
    private static void read(
            HttpClient http,
            URI base,
            String token,
            Map<String, Long> acknowledged,
            AtomicReference<List<Long>> lags,
            AtomicInteger opened,
            List<InputStream> bodies) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/streaming/home"))
                .header("Authorization", "Bearer " + token)
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            bodies.add(response.body());
            opened.incrementAndGet();
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("data: {\"id\":\"")) {
                        long now = System.nanoTime();
                        String id = line.substring(13, line.indexOf('"', 13));
                        Long at = acknowledged.get(id);
                        if (at != null) {
                            lags.get().add(Math.max(0, now - at));
                        }
                    }
                }
            }
        } catch (IOException e) {
            // closed at the end
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String report(int followers, int tweets, Memory before, Memory open, List<PhaseResult> results) {
        double heapPer = (open.heapBytes() - before.heapBytes()) / (double) followers;
        double rssPer = (open.rssBytes() - before.rssBytes()) / (double) followers;
        StringBuilder out = new StringBuilder(String.format(
                "# Live streams on one API node (%s)%n%n"
                        + "`./flock bench --streams %d %d`: two members and an API node (1 GB heap) on this machine,"
                        + " loaded with the benchmark's dataset (%,d users, the biggest 0.5%% in pull mode); %,d"
                        + " followers of one more account each hold a stream open from the benchmark's JVM.%n%n"
                        + "| measure | value |%n|---|---:|%n"
                        + "| API node heap after a full GC, before / with the streams open (idle 10 s) | %.0f MB / %.0f MB |%n"
                        + "| heap per idle stream | %.1f KB |%n"
                        + "| API node resident memory, before / with the streams | %.0f MB / %.0f MB |%n"
                        + "| resident memory per idle stream | %.1f KB |%n%n"
                        + "Delivery of the author's tweets (%d per phase, one every 2 s) to the %,d streams, from each"
                        + " post's acknowledgement, while the benchmark's mixes run open loop over the dataset's users"
                        + " (the mix's own latency from each request's due time, as the benchmark measures it):%n%n"
                        + "| beside | deliveries | delivery p50 | p99 | slowest | mix rate asked / served | mix p50 | mix p99"
                        + " | mix errors |%n|---|---:|---:|---:|---:|---:|---:|---:|---:|%n",
                LocalDate.now(),
                followers,
                tweets,
                DATASET_USERS,
                followers,
                before.heapBytes() / 1e6,
                open.heapBytes() / 1e6,
                heapPer / 1024,
                before.rssBytes() / 1e6,
                open.rssBytes() / 1e6,
                rssPer / 1024,
                tweets,
                followers));
        for (PhaseResult result : results) {
            long[] sorted = result.lags();
            LoadResult mix = result.mix();
            out.append(String.format(
                    "| %s | %,d of %,d | %.0f ms | %.0f ms | %.0f ms | %s | %s | %s | %s |%n",
                    result.phase().name(),
                    sorted.length,
                    (long) tweets * followers,
                    percentile(sorted, 0.50) / 1e6,
                    percentile(sorted, 0.99) / 1e6,
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                    mix == null ? "-" : String.format("%,.0f / %,.0f req/s", mix.targetRate(), mix.throughput()),
                    mix == null ? "-" : String.format("%.2f ms", mix.millis(50)),
                    mix == null ? "-" : String.format("%.2f ms", mix.millis(99)),
                    mix == null ? "-" : String.format("%,d (+%,d unsent)", mix.errors(), mix.unsent())));
        }
        return out.toString();
    }

    private static double percentile(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // already gone
        }
    }

    /** The API node's heap after a full collection (jcmd) and its resident memory (/proc). */
    record Memory(long heapBytes, long rssBytes) {
        static Memory of(JvmProcess process) throws Exception {
            String jcmd = Path.of(ProjectLayout.java()).resolveSibling("jcmd").toString();
            run(jcmd, String.valueOf(process.pid()), "GC.run");
            String info = run(jcmd, String.valueOf(process.pid()), "GC.heap_info");
            // "used 123456K" per generation (or "used 120M" for ZGC); not Metaspace's own lines.
            long heap = 0;
            java.util.regex.Matcher used =
                    java.util.regex.Pattern.compile("used (\\d+)([KM])").matcher("");
            for (String line : info.split("\n")) {
                if (!line.contains("Metaspace")
                        && !line.contains("class space")
                        && used.reset(line).find()) {
                    heap += Long.parseLong(used.group(1)) * (used.group(2).equals("M") ? 1 << 20 : 1 << 10);
                }
            }
            long rss = Files.readAllLines(Path.of("/proc/" + process.pid() + "/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
                    .findFirst()
                    .orElse(0L);
            return new Memory(heap, rss);
        }

        /** The first {@code rows} classes of the process's heap histogram, by bytes. */
        static String histogram(JvmProcess process, int rows) throws Exception {
            String jcmd = Path.of(ProjectLayout.java()).resolveSibling("jcmd").toString();
            String[] lines = run(jcmd, String.valueOf(process.pid()), "GC.class_histogram")
                    .split("\n");
            StringBuilder top = new StringBuilder();
            for (int i = 0; i < Math.min(lines.length, rows + 3); i++) {
                top.append(lines[i]).append('\n');
            }
            return top.toString();
        }

        private static String run(String... command) throws Exception {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return out;
        }
    }
}
