package flock.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import flock.mapstores.CassandraConfig;
import flock.mapstores.CassandraSessions;
import flock.systemtests.FlockClient.Account;
import flock.systemtests.FlockClient.Answer;
import flock.testkit.CassandraServer;
import flock.testkit.FlockStack;
import flock.testkit.Poll;
import flock.testkit.ProjectLayout;
import flock.testkit.StackMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cassandra stopped for a minute while users go on posting: the grid keeps accepting the writes (the
 * write-behind queues hold them), and once Cassandra is back every acknowledged tweet is in it exactly once,
 * with nothing there that was not acknowledged. Its own Cassandra, since this one goes down.
 */
class CassandraOutageIT {
    private static final int WRITERS = 3;
    private static final Duration OUTAGE = Duration.ofSeconds(60);

    private CassandraServer cassandra;
    private FlockStack stack;

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.close();
        }
        if (cassandra != null) {
            cassandra.close();
        }
    }

    @Test
    void should_accept_writes_while_cassandra_is_down_and_store_each_once_when_it_returns() throws Exception {
        cassandra = CassandraServer.start(ProjectLayout.scratch("outage-cassandra"));
        stack = new FlockStack(cassandra, "outage").start(2);
        FlockClient client = new FlockClient(stack.apiUri());
        List<Account> authors = new ArrayList<>();
        Map<String, String> beforeOutage = new ConcurrentHashMap<>();
        for (int i = 0; i < WRITERS; i++) {
            Account author = client.signUp(Handles.fresh("outage" + i));
            // The author's timeline is now in memory: a post needs no read from Cassandra.
            beforeOutage.put(author.id(), client.tweetId(author, "before the outage"));
            authors.add(author);
        }
        Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> duringOutage = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean cassandraDown = new AtomicBoolean();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Thread> writers = new ArrayList<>();
        for (Account author : authors) {
            Set<String> mine = ConcurrentHashMap.newKeySet();
            acknowledged.put(author.id(), mine);
            writers.add(Thread.ofPlatform().start(() -> {
                for (int n = 0; writing.get(); n++) {
                    Answer answer = client.tweet(author, "outage tweet " + n);
                    if (answer.status() == 201) {
                        mine.add(answer.string("id"));
                        if (cassandraDown.get()) {
                            duringOutage.add(answer.string("id"));
                        }
                    } else if (answer.status() == 503) {
                        refused.incrementAndGet(); // refused, and so not acknowledged: allowed
                    } else {
                        unexpected.add(answer.status() + " " + answer.body());
                    }
                    pause(Duration.ofMillis(20));
                }
            }));
        }
        pause(Duration.ofSeconds(3));
        cassandra.close();
        cassandraDown.set(true);
        pause(OUTAGE);
        cassandraDown.set(false);
        cassandra.startAgain();
        pause(Duration.ofSeconds(3));
        writing.set(false);
        for (Thread writer : writers) {
            writer.join();
        }

        StackMetrics metrics = new StackMetrics(stack);
        Duration drained = Poll.timeUntil(
                Duration.ofMinutes(4),
                "the write-behind queues to drain into Cassandra",
                () -> metrics.sum(StackMetrics.WRITE_BEHIND_PENDING) == 0);
        int total = acknowledged.values().stream().mapToInt(Set::size).sum();
        int found = 0;
        int extra = 0;
        try (CqlSession session = openSession()) {
            PreparedStatement byAuthor = session.prepare("SELECT tweet_id FROM tweets_by_author WHERE author_id = ?");
            PreparedStatement tweet = session.prepare("SELECT id FROM tweets WHERE id = ?");
            for (Account author : authors) {
                Set<String> stored = new HashSet<>();
                session.execute(byAuthor.bind(Long.parseLong(author.id())))
                        .forEach(row -> stored.add(String.valueOf(row.getLong("tweet_id"))));
                stored.remove(beforeOutage.get(author.id()));
                for (String id : acknowledged.get(author.id())) {
                    boolean inIndex = stored.remove(id);
                    boolean inTweets =
                            session.execute(tweet.bind(Long.parseLong(id))).one() != null;
                    found += inIndex && inTweets ? 1 : 0;
                }
                extra += stored.size(); // rows no acknowledgement accounts for
            }
        }
        System.out.printf(
                "cassandra outage (%d s): acknowledged %d (%d while Cassandra was down), refused %d, found %d,"
                        + " lost %d, unacknowledged rows %d; queues drained %d s after the writes stopped%n",
                OUTAGE.toSeconds(),
                total,
                duringOutage.size(),
                refused.get(),
                found,
                total - found,
                extra,
                drained.toSeconds());
        assertThat(unexpected).as("answers other than 201 or 503").isEmpty();
        assertThat(duringOutage).as("writes went on while Cassandra was down").hasSizeGreaterThan(100);
        assertThat(found).as("every acknowledged tweet is in Cassandra").isEqualTo(total);
        assertThat(extra).as("nothing in Cassandra that was not acknowledged").isZero();
    }

    private CqlSession openSession() {
        CassandraConfig config = CassandraConfig.fromMap(
                Map.of("contact-points", cassandra.contactPoint(), "keyspace", stack.keyspace()));
        return CassandraSessions.open(config, Duration.ofMinutes(1));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis()); // pacing the writers and timing the outage, not waiting for a result
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
