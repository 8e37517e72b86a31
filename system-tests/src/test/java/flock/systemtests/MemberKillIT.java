package flock.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import flock.systemtests.FlockClient.Account;
import flock.systemtests.FlockClient.Answer;
import flock.testkit.CassandraServer;
import flock.testkit.FlockStack;
import flock.testkit.JvmProcess;
import flock.testkit.Poll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A member crash (SIGKILL) in the middle of a write storm, with two members and one backup: every
 * tweet the API acknowledged is still readable afterwards, served by the surviving member's backups.
 */
class MemberKillIT {
    private static final int WRITERS = 4;

    private FlockStack stack;

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void should_keep_every_acknowledged_tweet_when_a_member_is_killed_mid_writes() throws Exception {
        stack = new FlockStack(CassandraServer.shared(), "kill").start(2);
        FlockClient client = new FlockClient(stack.apiUri());
        List<Account> authors = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            authors.add(client.signUp(Handles.fresh("storm" + i)));
        }
        Account follower = client.signUp(Handles.fresh("follower"));
        client.follow(follower, authors.get(0).id());
        client.home(follower, "");
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean storming = new AtomicBoolean(true);
        CountDownLatch warmedUp = new CountDownLatch(WRITERS);
        List<Thread> writers = new ArrayList<>();
        for (Account author : authors) {
            writers.add(Thread.ofPlatform().start(() -> {
                int n = 0;
                while (storming.get()) {
                    Answer answer = client.tweet(author, "storm tweet " + n++);
                    if (answer.status() == 201) {
                        acknowledged.add(answer.string("id"));
                    } else {
                        refused.incrementAndGet();
                    }
                    if (n == 20) {
                        warmedUp.countDown();
                    }
                }
            }));
        }
        warmedUp.await();
        JvmProcess victim = stack.members().get(1);
        victim.kill();
        int atKill = acknowledged.size();
        Poll.until(
                Duration.ofMinutes(1),
                "writes acknowledged again after the kill",
                () -> acknowledged.size() >= atKill + 100);
        storming.set(false);
        for (Thread writer : writers) {
            writer.join();
        }

        List<String> missing = new ArrayList<>();
        for (String id : acknowledged) {
            if (client.get("/api/v1/tweets/" + id, null).status() != 200) {
                missing.add(id);
            }
        }
        System.out.printf(
                "member kill: acknowledged %d (%d before the kill), refused %d, found %d, lost %d%n",
                acknowledged.size(), atKill, refused.get(), acknowledged.size() - missing.size(), missing.size());
        assertThat(acknowledged.size()).isGreaterThan(atKill);
        assertThat(missing).isEmpty();

        // The fan-out job lost a member too: it restarts from its last snapshot and keeps delivering.
        String afterKill = client.tweetId(authors.get(0), "posted after the crash");
        Duration lag = Poll.timeUntil(
                Duration.ofSeconds(60),
                "the fan-out delivers after a member was killed",
                () -> client.home(follower, "?limit=100").itemIds().contains(afterKill));
        System.out.printf("member kill: fan-out delivered a post-crash tweet after %d ms%n", lag.toMillis());
    }
}
