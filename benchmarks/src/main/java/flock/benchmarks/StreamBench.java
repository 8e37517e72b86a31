package flock.benchmarks;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
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
import flock.benchmarks.load.Progress;
import flock.domain.serialization.DomainSerializers;
import flock.testkit.CassandraServer;
import flock.testkit.FlockClient;
import flock.testkit.FlockStack;
import flock.testkit.JvmProcess;
import flock.testkit.ProjectLayout;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./flock bench --streams [followers] [tweets]}: what live streams cost one API node and how fast they deliver.
 * Two members and an API node (1 GB heap); {@code followers} accounts (10,000 by default) follow one author and each
 * holds a stream open from this JVM. Measured: the API node's heap (after a full collection) and resident memory
 * before and after the streams opened, per stream; then the author posts {@code tweets} tweets (20), one every two
 * seconds, while other accounts read their home pages and post (a read-heavy mix, 10 reads per post, about 100
 * requests a second), and each stream's delivery is timed from the post's acknowledgement: p50, p99 and the
 * slowest, and how many deliveries arrived. Writes {@code benchmarks/results/DATE-streams.md}.
 */
public final class StreamBench {
    private static final int MIX_ACCOUNTS = 50;

    /** The author posts this often: each post is one delivery per stream. */
    private static final int POST_EVERY_MILLIS = 2_000;

    /** Handles of this run: the benchmark's Cassandra keeps those of earlier runs. */
    private static final String RUN = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);

    private StreamBench() {}

    public static void main(String[] args) throws Exception {
        int followers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int tweets = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        ChildProcesses.stopOnExit();
        String report;
        try (CassandraServer cassandra =
                        ChildProcesses.closeOnExit(CassandraServer.start(ProjectLayout.scratch("streams-cassandra")));
                FlockStack stack = new FlockStack(cassandra, "streams")) {
            stack.start(2);
            JvmProcess api = stack.startApi(
                    "api-node", "flock.apinode.Main", "1g", Map.of("flock.streaming.max-connections", "50000"));
            report = run(stack, api, followers, tweets);
        }
        ChildProcesses.closed();
        Path out = ProjectLayout.root().resolve("benchmarks/results").resolve(LocalDate.now() + "-streams.md");
        Files.writeString(out, report);
        System.out.println(report);
        System.out.println("written to " + out);
    }

    private static String run(FlockStack stack, JvmProcess api, int followers, int tweets) throws Exception {
        URI base = stack.apiUri();
        FlockClient client = new FlockClient(base);
        FlockClient.Account author = client.signUp("a_" + RUN);
        List<String> tokens = followersOf(stack, Long.parseLong(author.id()), followers);
        List<FlockClient.Account> mixers = new ArrayList<>();
        for (int i = 0; i < MIX_ACCOUNTS; i++) {
            mixers.add(client.signUp("m" + RUN + "_" + i));
            client.follow(mixers.get(i), author.id());
        }

        Memory before = Memory.of(api);
        HttpClient http = HttpClient.newBuilder()
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        List<Long> lags = java.util.Collections.synchronizedList(new ArrayList<>());
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

            AtomicBoolean mixing = new AtomicBoolean(true);
            AtomicLong mixed = new AtomicLong();
            Thread mix = Thread.ofPlatform().start(() -> mix(client, mixers, mixing, mixed));
            long started = System.nanoTime();
            for (int i = 0; i < tweets; i++) {
                FlockClient.Answer posted = client.tweet(author, "streamed " + i);
                acknowledged.put(posted.string("id"), System.nanoTime());
                Thread.sleep(POST_EVERY_MILLIS);
            }
            Thread.sleep(5_000); // the last deliveries
            mixing.set(false);
            mix.join();
            double mixSeconds = (System.nanoTime() - started) / 1e9;
            bodies.forEach(StreamBench::closeQuietly);
            readers.shutdownNow();
            return report(followers, tweets, before, open, lags, mixed.get() / mixSeconds)
                    + "\nWhat the API node's heap holds with the streams open, largest first (`jcmd GC.class_histogram`):"
                    + "\n\n```\n" + histogram + "```\n";
        }
    }

    /** Accounts that follow the author, made through the API node's own services over a grid client (fast). */
    private static List<String> followersOf(FlockStack stack, long author, int count) throws Exception {
        ClientConfig config = new ClientConfig();
        config.setClusterName(stack.clusterName());
        config.getNetworkConfig().setAddresses(stack.memberAddresses());
        DomainSerializers.registerAll(config.getSerializationConfig().getCompactSerializationConfig());
        HazelcastInstance grid = HazelcastClient.newHazelcastClient(config);
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
        } finally {
            grid.shutdown();
        }
    }

    /** One stream: each update naming a timed tweet adds its lag from the acknowledgement. */
    private static void read(
            HttpClient http,
            URI base,
            String token,
            Map<String, Long> acknowledged,
            List<Long> lags,
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
                            lags.add(Math.max(0, now - at));
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

    /** Home pages and posts of other accounts, 10 reads per post, paced at about 100 requests a second. */
    private static void mix(
            FlockClient client, List<FlockClient.Account> mixers, AtomicBoolean going, AtomicLong done) {
        for (int i = 0; going.get(); i++) {
            FlockClient.Account account = mixers.get(i % mixers.size());
            try {
                int status = i % 11 == 10
                        ? client.tweet(account, "mix " + i).status()
                        : client.home(account, "").status();
                if (status < 300) {
                    done.incrementAndGet();
                }
            } catch (RuntimeException e) {
                // counted as not done: the rate says how much of the mix was served
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String report(
            int followers, int tweets, Memory before, Memory open, List<Long> lags, double mixRate) {
        long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        double heapPer = (open.heapBytes() - before.heapBytes()) / (double) followers;
        double rssPer = (open.rssBytes() - before.rssBytes()) / (double) followers;
        return String.format(
                "# Live streams on one API node (%s)%n%n"
                        + "`./flock bench --streams %d %d`: two members and an API node (1 GB heap) on this machine;"
                        + " %,d followers of one account each hold a stream open from the benchmark's JVM.%n%n"
                        + "| measure | value |%n|---|---:|%n"
                        + "| API node heap after a full GC, before / with the streams open (idle 10 s) | %.0f MB / %.0f MB |%n"
                        + "| heap per idle stream | %.1f KB |%n"
                        + "| API node resident memory, before / with the streams | %.0f MB / %.0f MB |%n"
                        + "| resident memory per idle stream | %.1f KB |%n"
                        + "| deliveries timed (%d tweets, one every 2 s, x %,d streams) | %,d of %,d |%n"
                        + "| delivery after the post's acknowledgement: p50 / p99 / slowest | %.0f / %.0f / %.0f ms |%n"
                        + "| the mix beside it (home pages and posts of 50 other accounts) | %.0f requests/s |%n",
                LocalDate.now(),
                followers,
                tweets,
                followers,
                before.heapBytes() / 1e6,
                open.heapBytes() / 1e6,
                heapPer / 1024,
                before.rssBytes() / 1e6,
                open.rssBytes() / 1e6,
                rssPer / 1024,
                tweets,
                followers,
                sorted.length,
                (long) tweets * followers,
                percentile(sorted, 0.50) / 1e6,
                percentile(sorted, 0.99) / 1e6,
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                mixRate);
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
