package flock.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import flock.testkit.CassandraServer;
import flock.testkit.FlockClient;
import flock.testkit.FlockClient.Account;
import flock.testkit.FlockClient.Answer;
import flock.testkit.FlockStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Replies against real members, a real API node and a real Cassandra: a storm of replies to one tweet, some deleted
 * again, with a member killed in the middle of it; afterwards the parent's count, its replies pages and Cassandra agree
 * with what was acknowledged, and again after a full restart. Around it, Mastodon's home rule, before the restart (the
 * fan-out) and after it (every feed rebuilt from the authors' timelines).
 */
class RepliesIT {
    private static final int THREADS = 8;
    private static final int REPLIES = 150;

    @AutoClose
    private FlockStack stack;

    @Test
    void should_count_every_acknowledged_reply_through_a_member_kill_and_a_full_restart() throws Exception {
        stack = new FlockStack(CassandraServer.shared(), "replies").start(3);
        FlockClient client = new FlockClient(stack.apiUri());
        Account asker = client.signUp(Handles.fresh("asker"));
        Account replier = client.signUp(Handles.fresh("replier"));
        Account followsBoth = client.signUp(Handles.fresh("both"));
        Account followsReplier = client.signUp(Handles.fresh("one"));
        assertThat(client.follow(followsBoth, asker.id()).status()).isEqualTo(204);
        assertThat(client.follow(followsBoth, replier.id()).status()).isEqualTo(204);
        assertThat(client.follow(followsReplier, replier.id()).status()).isEqualTo(204);
        String question = client.tweetId(asker, "a question for everyone");
        String answer = client.replyId(replier, question, "an answer");
        String aside = client.tweetId(replier, "not a reply");
        assertHomeRule(client, followsBoth, followsReplier, question, answer, aside);

        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            accounts.add(client.signUp(Handles.fresh("storm")));
        }
        Set<String> kept = ConcurrentHashMap.newKeySet();
        kept.add(answer);
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int first = t;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = first; i < REPLIES; i += THREADS) {
                    Account account = accounts.get(i % accounts.size());
                    int n = i;
                    String reply = untilAcknowledged(
                            retried,
                            () -> client.postOnce(
                                    "/api/v1/tweets",
                                    account.token(),
                                    "{\"text\":\"reply " + n + "\",\"inReplyToId\":\"" + question + "\"}",
                                    "reply-" + n));
                    acknowledged.incrementAndGet();
                    if (i % 4 == 0) { // a quarter are deleted again
                        untilDeleted(retried, client, "/api/v1/tweets/" + reply, account.token());
                    } else {
                        kept.add(reply);
                    }
                }
            }));
        }
        await("replies acknowledged before the kill")
                .atMost(Duration.ofMinutes(3))
                .until(() -> acknowledged.get() >= REPLIES / 3);
        stack.members().get(1).kill();
        for (Thread thread : threads) {
            thread.join();
        }

        await("the count to agree with the acknowledged replies")
                .atMost(Duration.ofMinutes(2))
                .untilAsserted(
                        () -> assertThat(client.count(question, "replies")).isEqualTo(kept.size()));
        assertThat(new HashSet<>(client.allIds("/api/v1/tweets/" + question + "/replies", null)))
                .as("the replies pages")
                .isEqualTo(kept);
        StoredRows.awaitWriteBehind(stack);
        try (StoredRows rows = new StoredRows(CassandraServer.shared(), stack)) {
            assertThat(rows.repliesOf(question)).as("replies in Cassandra").isEqualTo(kept);
            assertThat(rows.replyCount(question)).as("the count in Cassandra").isEqualTo(kept.size());
        }
        System.out.printf(
                "reply storm: %d replies acknowledged (a quarter deleted again), member 1 of 3 killed after %d, retried"
                        + " %d; %d kept, and count, replies pages and Cassandra agree%n",
                acknowledged.get(), REPLIES / 3, retried.get(), kept.size());

        stack.restartAll(2);
        FlockClient after = new FlockClient(stack.apiUri());
        assertThat(after.count(question, "replies"))
                .as("the count after the restart")
                .isEqualTo(kept.size());
        assertThat(new HashSet<>(after.allIds("/api/v1/tweets/" + question + "/replies", null)))
                .as("the replies after the restart")
                .isEqualTo(kept);
        Answer context = after.get("/api/v1/tweets/" + answer + "/context", null);
        assertThat(context.json().getJsonArray("ancestors").getJsonObject(0).getString("id"))
                .isEqualTo(question);
        assertThat(context.json()
                        .getJsonArray("ancestors")
                        .getJsonObject(0)
                        .getJsonObject("counts")
                        .getInt("replies"))
                .isEqualTo(kept.size());
        assertHomeRule(after, followsBoth, followsReplier, question, answer, aside);
    }

    /** The reply reaches the follower of both accounts, not the follower of the replier alone. */
    private static void assertHomeRule(
            FlockClient client,
            Account followsBoth,
            Account followsReplier,
            String question,
            String answer,
            String aside) {
        await("the reply in the home feed of a follower of both")
                .atMost(Duration.ofMinutes(1))
                .untilAsserted(() ->
                        assertThat(client.home(followsBoth, "").itemIds()).containsExactly(aside, answer, question));
        await("the other tweet in the home feed of a follower of the replier alone")
                .atMost(Duration.ofMinutes(1))
                .untilAsserted(() ->
                        assertThat(client.home(followsReplier, "").itemIds()).containsExactly(aside));
    }

    /**
     * Deletes until acknowledged: a 404 after a first attempt means that attempt took effect though its answer was a
     * refusal or never came (the tweet is this thread's own, which nobody else deletes).
     */
    private static void untilDeleted(AtomicInteger retried, FlockClient client, String path, String token) {
        for (boolean first = true; ; first = false) {
            try {
                int status = client.delete(path, token).status();
                if (status == 204 || (status == 404 && !first)) {
                    return;
                }
            } catch (RuntimeException connectionFailed) {
                // retried below
            }
            retried.incrementAndGet();
        }
    }

    /**
     * Sends until the call is acknowledged, as a client retries what was not (a refusal or a broken connection while a
     * member dies); the id of what it made. A post is sent with its idempotency key each time, so an attempt refused
     * after it took effect is not made twice.
     */
    private static String untilAcknowledged(AtomicInteger retried, java.util.function.Supplier<Answer> call) {
        while (true) {
            try {
                Answer answer = call.get();
                if (answer.status() == 201) {
                    return answer.string("id");
                }
            } catch (RuntimeException connectionFailed) {
                // retried below
            }
            retried.incrementAndGet();
        }
    }
}
