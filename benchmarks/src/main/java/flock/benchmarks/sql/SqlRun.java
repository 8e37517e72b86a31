package flock.benchmarks.sql;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.config.IndexType;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.sql.SqlResult;
import com.hazelcast.sql.SqlRow;
import flock.benchmarks.BenchGc;
import flock.benchmarks.BenchRun;
import flock.benchmarks.ChildProcesses;
import flock.benchmarks.MachineQuiet;
import flock.domain.MapNames;
import flock.domain.account.User;
import flock.domain.tweet.Tweet;
import flock.testkit.FlockStack;
import flock.testkit.ProjectLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code ./flock bench --sql}: what analysts' SQL costs over the live grid. Two members (in memory only, the fan-out
 * job running as in production) hold 1,000,000 tweets of 10,000 authors over the last day; the example queries of docs/sql.md run
 * five times each, without an index and then with the sorted index on {@code tweets.createdAt} that
 * {@code hazelcast.yaml} declares, and bulk writes are timed both ways, since an index costs every post. Writes
 * {@code benchmarks/results/DATE-sql.md}.
 */
public final class SqlRun {
    static final int TWEETS = 1_000_000;
    private static final int AUTHORS = 10_000;
    private static final int WRITE_PROBE = 100_000;
    private static final int BATCH = 5_000;
    private static final int RUNS = 5;
    private static final long DAY = 86_400_000L;
    private static final String MEMBER_HEAP = "2g";
    private static final double QUIET_SHARE = 0.8;
    private static final java.time.Duration PATIENCE = java.time.Duration.ofSeconds(90);

    private SqlRun() {}

    public static void main(String[] args) throws Exception {
        ChildProcesses.stopOnExit();
        run();
    }

    /** Runs the stage; answers the report written. */
    public static Path run() throws Exception {
        java.util.logging.Logger.getLogger("com.hazelcast").setLevel(java.util.logging.Level.WARNING);
        long started = System.nanoTime();
        long now = System.currentTimeMillis();
        try (FlockStack stack = new FlockStack(null, "sqlbench")
                .withMemberHeap(MEMBER_HEAP)
                .withMemberSetting("hazelcast-config", unindexedConfig().toString())
                .withJvmOptions(BenchGc.options())) {
            stack.start(2);
            HazelcastInstance grid = HazelcastClient.newHazelcastClient(BenchRun.clientConfig(stack));
            try {
                IMap<Long, Tweet> tweets = grid.getMap(MapNames.TWEETS);
                loadUsers(grid.getMap(MapNames.USERS), now);
                double loadRate = load(tweets, 0, TWEETS - WRITE_PROBE, now);
                double plainWrites = load(tweets, TWEETS - WRITE_PROBE, TWEETS, now);
                System.out.printf("loaded %,d tweets (%,.0f/s)%n", TWEETS, loadRate);
                // The fan-out job reads every tweet loaded; the queries are timed once it has caught up.
                System.out.printf("waited %.0f s for a quiet machine%n", MachineQuiet.await(QUIET_SHARE, PATIENCE));
                List<Query> queries = Query.all(now);
                Map<Query, Timing> plain = time(grid, queries);
                long indexing = System.nanoTime();
                tweets.addIndex(IndexType.SORTED, "createdAt");
                double indexSeconds = (System.nanoTime() - indexing) / 1e9;
                MachineQuiet.await(QUIET_SHARE, PATIENCE);
                Map<Query, Timing> indexed = time(grid, queries);
                double indexedWrites = load(tweets, TWEETS, TWEETS + WRITE_PROBE, now);
                List<String> plans = plans(grid, queries);
                double minutes = (System.nanoTime() - started) / 6e10;
                return new SqlReport(queries, plain, indexed, plans)
                        .write(loadRate, plainWrites, indexedWrites, indexSeconds, minutes);
            } finally {
                grid.shutdown();
            }
        }
    }

    /** The project's hazelcast.yaml without the tweets' index, which the stage adds once it timed the queries. */
    private static Path unindexedConfig() throws IOException {
        String config = Files.readString(ProjectLayout.root().resolve("hazelcast.yaml"));
        String unindexed = config.replace(TWEETS_INDEX, "");
        if (unindexed.equals(config)) {
            throw new IllegalStateException("hazelcast.yaml no longer declares the tweets' index as " + TWEETS_INDEX);
        }
        Path file = ProjectLayout.scratch("sqlbench").resolve("hazelcast-unindexed.yaml");
        Files.writeString(file, unindexed);
        return file;
    }

    private static final String TWEETS_INDEX =
            "      indexes:\n        - type: SORTED\n          attributes:\n            - createdAt\n";

    private static void loadUsers(IMap<Long, User> users, long now) {
        Map<Long, User> batch = new HashMap<>();
        for (long id = 1; id <= AUTHORS; id++) {
            batch.put(id, new User(id, "author_" + id, "Author " + id, now - 30 * DAY));
        }
        users.putAll(batch);
    }

    /**
     * Puts tweets {@code from..to} with putAll from four threads, their times spread evenly over the last day and
     * their authors skewed (a few post much more); answers tweets per second.
     */
    private static double load(IMap<Long, Tweet> tweets, int from, int to, long now) throws Exception {
        long begun = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> work = new ArrayList<>();
            for (int start = from; start < to; start += BATCH) {
                int first = start;
                int last = Math.min(to, start + BATCH);
                work.add(pool.submit(() -> tweets.putAll(batch(first, last, now))));
            }
            for (Future<?> done : work) {
                done.get();
            }
        }
        return (to - from) / ((System.nanoTime() - begun) / 1e9);
    }

    private static Map<Long, Tweet> batch(int from, int to, long now) {
        Map<Long, Tweet> batch = new HashMap<>();
        for (int i = from; i < to; i++) {
            long id = i + 1L;
            long createdAt = now - DAY + (long) i * DAY / TWEETS;
            batch.put(
                    id,
                    new Tweet(id, author(i), "tweet " + id + " about the library and coffee", createdAt, new long[0]));
        }
        return batch;
    }

    /** Skewed: author k posts about 1/k as often as author 1 (log-uniform over 1..AUTHORS). */
    static long author(int tweet) {
        double uniform = ((tweet * 0x9E3779B97F4A7C15L) >>> 11) / (double) (1L << 53);
        return Math.max(1, (long) Math.pow(AUTHORS, uniform));
    }

    private static Map<Query, Timing> time(HazelcastInstance grid, List<Query> queries) {
        Map<Query, Timing> timings = new HashMap<>();
        for (Query query : queries) {
            run(grid, query); // warm-up: plan cache, JIT
            double[] millis = new double[RUNS];
            long rows = 0;
            for (int i = 0; i < RUNS; i++) {
                long begun = System.nanoTime();
                rows = run(grid, query);
                millis[i] = (System.nanoTime() - begun) / 1e6;
            }
            Arrays.sort(millis);
            Timing timing = new Timing(rows, millis[RUNS / 2], millis[0], millis[RUNS - 1]);
            System.out.printf("%-40s %s%n", query.name(), timing);
            timings.put(query, timing);
        }
        return timings;
    }

    private static long run(HazelcastInstance grid, Query query) {
        long rows = 0;
        try (SqlResult result = grid.getSql().execute(query.sql(), query.parameters())) {
            for (SqlRow ignored : result) {
                rows++;
            }
        }
        return rows;
    }

    /** The first line of each query's plan (its top operators), to show where an index is used. */
    private static List<String> plans(HazelcastInstance grid, List<Query> queries) {
        List<String> plans = new ArrayList<>();
        for (Query query : queries) {
            StringBuilder plan = new StringBuilder();
            try (SqlResult result = grid.getSql().execute("EXPLAIN " + query.sql(), query.parameters())) {
                for (SqlRow row : result) {
                    plan.append(row.<String>getObject(0).strip()).append(" / ");
                }
            }
            plans.add(plan.toString());
        }
        return plans;
    }

    /** Rows answered and milliseconds: the median, the fastest and the slowest of the runs. */
    record Timing(long rows, double median, double min, double max) {
        @Override
        public String toString() {
            return String.format("%,d rows, median %.0f ms (%.0f-%.0f)", rows, median, min, max);
        }
    }

    static Path reportFile() {
        return ProjectLayout.root().resolve("benchmarks/results/" + LocalDate.now() + "-sql.md");
    }

    static void write(Path file, List<String> lines) throws IOException {
        Files.write(file, lines);
        System.out.println("Report: " + file);
    }
}
