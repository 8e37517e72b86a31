package flock.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import flock.testkit.CassandraServer;
import flock.testkit.FlockClient;
import flock.testkit.FlockClient.Account;
import flock.testkit.FlockClient.Answer;
import flock.testkit.FlockStack;
import flock.testkit.JvmProcess;
import flock.testkit.StackMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Elastic scaling under load: 2 -> 4 -> 2 members while users post and read through the API. Members join one at a
 * time, each once the cluster is safe again (as the chart's StatefulSet does), and leave gracefully (SIGTERM: flush,
 * migrate, exit). No acknowledged write is lost, in the grid or in Cassandra, and no read fails: a reader retries a
 * 503 (the grid moving a partition under it), as a client should, and a read that still fails after its retries
 * counts as failed. Prints how long each migration took.
 */
class ElasticScalingIT {
    private static final int AUTHORS = 8;
    private static final int READERS = 8;
    private static final int READ_RETRIES = 5;

    @AutoClose
    private FlockStack stack;

    @Test
    void should_lose_no_write_and_fail_no_read_while_members_go_from_2_to_4_and_back() throws Exception {
        stack = new FlockStack(CassandraServer.shared(), "scale").start(2);
        FlockClient client = new FlockClient(stack.apiUri());
        StackMetrics metrics = new StackMetrics(stack);
        List<Account> authors = new ArrayList<>();
        for (int i = 0; i < AUTHORS; i++) {
            authors.add(client.signUp(Handles.fresh("scale_author")));
        }
        List<Account> readers = new ArrayList<>();
        for (int i = 0; i < READERS; i++) {
            Account reader = client.signUp(Handles.fresh("scale_reader"));
            for (int a = 0; a < AUTHORS; a += 2) {
                assertThat(client.follow(reader, authors.get((a + i) % AUTHORS).id())
                                .status())
                        .isEqualTo(204);
            }
            readers.add(reader);
        }
        Load load = new Load(client, authors, readers);
        load.start();
        await("posts acknowledged before scaling")
                .atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> load.tweets.size() >= 50);

        List<String> steps = new ArrayList<>();
        for (int members = 3; members <= 4; members++) {
            double before = metrics.sum(StackMetrics.MIGRATION_PROCESSES);
            long started = System.nanoTime();
            stack.startMember();
            stack.awaitMembers(members);
            long joined = System.nanoTime();
            await("the migration to " + members + " members")
                    .atMost(Duration.ofMinutes(3))
                    .ignoreExceptions()
                    .until(() -> metrics.sum(StackMetrics.MIGRATION_PROCESSES) > before
                            && metrics.min(StackMetrics.CLUSTER_SAFE) == 1);
            steps.add(String.format(
                    "%d -> %d: JVM started at %d ms, joined %d ms later, safe %d ms after that",
                    members - 1,
                    members,
                    (started - load.started) / 1_000_000,
                    (joined - started) / 1_000_000,
                    (System.nanoTime() - joined) / 1_000_000));
        }
        int atFour = load.tweets.size();
        await("posts acknowledged on 4 members")
                .atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> load.tweets.size() >= atFour + 30);
        for (int index = 3; index >= 2; index--) {
            JvmProcess leaving = stack.members().get(index);
            long started = System.nanoTime();
            leaving.stop(); // graceful: flushes its write-behind queues, hands its partitions over, then exits
            long exited = System.nanoTime();
            assertLeftGracefully(leaving);
            stack.awaitMembers(index);
            await("the cluster safe on " + index + " members")
                    .atMost(Duration.ofMinutes(3))
                    .ignoreExceptions()
                    .until(() -> metrics.min(StackMetrics.CLUSTER_SAFE) == 1);
            steps.add(String.format(
                    "%d -> %d: told to leave at %d ms, left (flushed, partitions handed over) %d ms later, safe %d ms"
                            + " after that",
                    index + 1,
                    index,
                    (started - load.started) / 1_000_000,
                    (exited - started) / 1_000_000,
                    (System.nanoTime() - exited) / 1_000_000));
        }
        int atTwo = load.tweets.size();
        await("posts acknowledged back on 2 members")
                .atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> load.tweets.size() >= atTwo + 30);
        load.stop();

        int inGrid = 0;
        for (String[] tweet : load.tweets) {
            inGrid += client.get("/api/v1/tweets/" + tweet[1], null).status() == 200 ? 1 : 0;
        }
        await("the write-behind queues to drain")
                .atMost(Duration.ofMinutes(3))
                .ignoreExceptions()
                .until(() -> metrics.sum(StackMetrics.WRITE_BEHIND_PENDING) == 0);
        List<String> missing = missingFromCassandra(load.tweets, load.started);
        if (!missing.isEmpty()) {
            // Tells a row that arrives late (the drain metric read empty queues too early) from one that is lost.
            List<List<String>> later = new ArrayList<>(List.of(missing));
            try {
                await("the missing rows to arrive late")
                        .atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofSeconds(2))
                        .until(() -> {
                            later.set(0, missingFromCassandra(load.tweets, load.started));
                            return later.get(0).isEmpty();
                        });
            } catch (ConditionTimeoutException stillLost) {
                // reported below, and the assertion on the count fails
            }
            System.out.printf(
                    "missing from Cassandra right after the drain: %s%nstill missing up to 30 s later: %s%nsteps: %s%n",
                    missing, later.get(0), String.join("; ", steps));
            missing = later.get(0);
        }
        int inCassandra = load.tweets.size() - missing.size();
        System.out.printf(
                "elastic scaling 2 -> 4 -> 2: %s; tweets acknowledged %d, in the grid %d, in Cassandra %d,"
                        + " lost %d, refused %d; reads %d, retried %d, failed %d%n",
                String.join("; ", steps),
                load.tweets.size(),
                inGrid,
                inCassandra,
                load.tweets.size() - Math.min(inGrid, inCassandra),
                load.refused.get(),
                load.reads.get(),
                load.retried.get(),
                load.failedReads.size());
        assertThat(load.failedReads).as("reads that failed after their retries").isEmpty();
        assertThat(inGrid).as("acknowledged tweets in the grid").isEqualTo(load.tweets.size());
        assertThat(inCassandra).as("acknowledged tweets in Cassandra").isEqualTo(load.tweets.size());
        assertThat(load.reads.get()).isGreaterThan(100);
    }

    /**
     * A member told to stop after it joined but before the rest of its start (SQL mappings, jobs, metrics; seconds on a
     * busy machine) still flushes and hands its partitions over: it holds partitions from the moment it joined. The
     * 4th member of the scaling test above is often stopped in that window; here it is every time: the SIGTERM goes
     * out as soon as Hazelcast starts joining (its shutdown hook is in place by then), so the hook waits for the join
     * and the member leaves while the rest of its start is still running. Sent once the member had joined, it missed
     * that window on a busy machine (the rest of the start took 4 s, seeing the join and stopping 6 s).
     */
    @Test
    void should_leave_gracefully_when_stopped_before_its_start_is_finished() throws Exception {
        stack = new FlockStack(CassandraServer.shared(), "early-leave").start(1);
        FlockClient client = new FlockClient(stack.apiUri());
        Account author = client.signUp(Handles.fresh("early_author"));
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            posted.add(client.tweet(author, "before the second member " + i).string("id"));
        }
        JvmProcess second = stack.startMember();
        second.awaitWhileAlive(Duration.ofMinutes(3), "the second member to start joining", () -> second.output()
                .contains(" is STARTING"));
        second.stop();

        assertThat(second.output()).as("the second member's log").doesNotContain("Flock grid member ready");
        assertLeftGracefully(second);
        stack.awaitMembers(1);
        for (String id : posted) {
            assertThat(client.get("/api/v1/tweets/" + id, null).status())
                    .as("tweet " + id)
                    .isEqualTo(200);
        }
    }

    /** The member's log shows the shutdown hook's flush and Hazelcast's graceful shutdown, not a crash's silence. */
    private static void assertLeftGracefully(JvmProcess member) {
        assertThat(member.output())
                .as(member + " left gracefully")
                .contains("Write-behind queues flushed to Cassandra")
                .contains("Hazelcast Shutdown is completed");
    }

    /** Each acknowledged tweet absent from tweets or tweets_by_author: id, author, what is absent, when acknowledged. */
    private List<String> missingFromCassandra(ConcurrentLinkedQueue<String[]> tweets, long started) {
        List<String> missing = new ArrayList<>();
        try (StoredRows rows = new StoredRows(CassandraServer.shared(), stack)) {
            Map<String, Set<String>> byAuthor = new HashMap<>();
            for (String[] tweet : tweets) {
                boolean row = rows.hasTweet(tweet[1]);
                boolean indexed =
                        byAuthor.computeIfAbsent(tweet[0], rows::tweetsBy).contains(tweet[1]);
                if (!row || !indexed) {
                    missing.add(String.format(
                            "%s by %s (%s) acknowledged at %d ms",
                            tweet[1],
                            tweet[0],
                            row ? "no tweets_by_author row" : indexed ? "no tweets row" : "neither row",
                            (Long.parseLong(tweet[2]) - started) / 1_000_000));
                }
            }
        }
        return missing;
    }

    /** Two posting and two reading users, without pause, until stopped. */
    private static final class Load {
        final ConcurrentLinkedQueue<String[]> tweets = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> failedReads = new ConcurrentLinkedQueue<>();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger retried = new AtomicInteger();
        final long started = System.nanoTime();
        private final AtomicBoolean going = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();
        private final FlockClient client;
        private final List<Account> authors;
        private final List<Account> readers;

        Load(FlockClient client, List<Account> authors, List<Account> readers) {
            this.client = client;
            this.authors = authors;
            this.readers = readers;
        }

        void start() {
            for (int i = 0; i < 2; i++) {
                threads.add(Thread.ofPlatform().start(this::post));
                threads.add(Thread.ofPlatform().start(this::read));
            }
        }

        void stop() throws InterruptedException {
            going.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
        }

        private void post() {
            for (int n = 0; going.get(); n++) {
                Account author = authors.get(ThreadLocalRandom.current().nextInt(authors.size()));
                Answer answer = client.tweet(author, "scaling tweet " + n);
                if (answer.status() == 201) {
                    tweets.add(new String[] {author.id(), answer.string("id"), String.valueOf(System.nanoTime())});
                } else {
                    refused.incrementAndGet(); // not acknowledged, so allowed; counted
                }
            }
        }

        /** A reader's home page, then one tweet already acknowledged; each retried on 503 like a client would. */
        private void read() {
            while (going.get()) {
                Account reader = readers.get(ThreadLocalRandom.current().nextInt(readers.size()));
                readWithRetries("home " + reader.id(), () -> client.home(reader, "?limit=20"));
                String[] tweet = tweets.peek();
                if (tweet != null) {
                    readWithRetries("tweet " + tweet[1], () -> client.get("/api/v1/tweets/" + tweet[1], null));
                }
            }
        }

        private void readWithRetries(String what, java.util.function.Supplier<Answer> read) {
            reads.incrementAndGet();
            Answer answer = read.get();
            for (int attempt = 1; answer.status() == 503 && attempt <= READ_RETRIES; attempt++) {
                retried.incrementAndGet();
                pause(Duration.ofMillis(200L * attempt)); // back off as Retry-After asks, not a test wait
                answer = read.get();
            }
            if (answer.status() != 200) {
                failedReads.add(what + ": " + answer.status() + " " + answer.body());
            }
        }

        private static void pause(Duration duration) {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
