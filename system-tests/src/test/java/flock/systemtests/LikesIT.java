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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Likes against real members, a real API node and a real Cassandra: a storm of likes and unlikes of one tweet, whose
 * count, likers and every account's "liked" agree afterwards, in the grid, in Cassandra, and again after a full
 * restart; and a member killed during a storm of likes, after which no acknowledged like is missing anywhere. The
 * first shares its stack and restart with {@link NotificationsScenario}.
 */
class LikesIT {
    private static final int ACCOUNTS = 1_000;
    private static final int THREADS = 16;

    @AutoClose
    private FlockStack stack;

    @Test
    void should_agree_on_count_likers_and_liked_after_a_storm_and_after_a_full_restart() throws Exception {
        stack = new FlockStack(CassandraServer.shared(), "likes").start(2);
        FlockClient client = new FlockClient(stack.apiUri());
        NotificationsScenario notifications = new NotificationsScenario(stack);
        notifications.play(client);
        Account author = client.signUp(Handles.fresh("liked"));
        String tweet = client.tweetId(author, "like this");
        List<Account> accounts = signUp(client, ACCOUNTS, "liker");

        // A third like (twice at once), a third like then unlike, a third like and unlike at the same time.
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < ACCOUNTS; i++) {
                Account account = accounts.get(i);
                switch (i % 3) {
                    case 0 -> {
                        work.add(pool.submit(() -> acknowledged(client, "PUT", tweet, account)));
                        work.add(pool.submit(() -> acknowledged(client, "PUT", tweet, account)));
                    }
                    case 1 ->
                        work.add(pool.submit(() -> {
                            acknowledged(client, "PUT", tweet, account);
                            acknowledged(client, "DELETE", tweet, account);
                        }));
                    default -> {
                        work.add(pool.submit(() -> acknowledged(client, "PUT", tweet, account)));
                        work.add(pool.submit(() -> acknowledged(client, "DELETE", tweet, account)));
                    }
                }
            }
            for (Future<?> done : work) {
                done.get();
            }
        }

        Set<String> liking = likingAccounts(client, tweet, accounts);
        for (int i = 0; i < ACCOUNTS; i++) {
            if (i % 3 == 0) {
                assertThat(liking)
                        .as("an account that only liked")
                        .contains(accounts.get(i).id());
            } else if (i % 3 == 1) {
                assertThat(liking)
                        .as("an account that liked, then unliked")
                        .doesNotContain(accounts.get(i).id());
            }
        }
        assertAgree(client, tweet, liking);
        assertPagesShow(client, author, tweet, accounts, liking);
        StoredRows.awaitWriteBehind(stack);
        try (StoredRows rows = new StoredRows(CassandraServer.shared(), stack)) {
            assertThat(rows.likersOf(tweet)).as("likers in Cassandra").isEqualTo(liking);
            assertThat(rows.likeCount(tweet)).as("the count in Cassandra").isEqualTo(liking.size());
        }
        System.out.printf(
                "like storm: %d accounts, %d like the tweet afterwards; count, likers and liked agree%n",
                ACCOUNTS, liking.size());

        stack.restartAll(2);
        FlockClient after = new FlockClient(stack.apiUri());
        assertThat(likingAccounts(after, tweet, accounts))
                .as("liked, after the restart")
                .isEqualTo(liking);
        assertAgree(after, tweet, liking);
        Answer moreAfterRestart = after.send(
                "PUT", "/api/v1/tweets/" + tweet + "/like", accounts.get(1).token(), null);
        assertThat(moreAfterRestart.status()).isEqualTo(204);
        assertThat(after.count(tweet, "likes"))
                .as("a like after the restart counts on top")
                .isEqualTo(liking.size() + 1);
        notifications.checkAfterRestart(after);
    }

    @Test
    void should_lose_no_acknowledged_like_when_a_member_is_killed_during_a_storm_of_likes() throws Exception {
        stack = new FlockStack(CassandraServer.shared(), "likes_kill").start(3);
        FlockClient client = new FlockClient(stack.apiUri());
        Account author = client.signUp(Handles.fresh("killed"));
        List<String> tweets = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tweets.add(client.tweetId(author, "like me " + i));
        }
        List<Account> accounts = signUp(client, 200, "storm");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet(); // "account tweet"
        AtomicBoolean going = new AtomicBoolean(true);
        AtomicInteger refused = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int first = t;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = first; going.get() && i < accounts.size() * tweets.size(); i += 8) {
                    Account account = accounts.get(i % accounts.size());
                    String tweet = tweets.get(i / accounts.size());
                    // A client retries what was not acknowledged (a retried like repairs a half-applied one), until
                    // it is, also after the test stops starting likes (for 50 more tries): the counts are compared
                    // with the likers after, and a like its client gave up on half-way is in the likers alone.
                    int lateTries = 0;
                    while (going.get() || lateTries++ < 50) {
                        Answer answer = likeOnce(client, "PUT", tweet, account);
                        if (answer != null && answer.status() == 204) {
                            acknowledged.add(account.id() + " " + tweet);
                            break;
                        }
                        refused.incrementAndGet();
                    }
                }
            }));
        }
        // Patient budgets: on a machine still busy with the test before this one, likes went at a few a second.
        await("likes acknowledged before the kill")
                .atMost(Duration.ofMinutes(3))
                .until(() -> acknowledged.size() >= 200);
        stack.members().get(1).kill();
        int atKill = acknowledged.size();
        await("likes acknowledged again after the kill")
                .atMost(Duration.ofMinutes(3))
                .until(() -> acknowledged.size() >= atKill + 200);
        going.set(false);
        for (Thread thread : threads) {
            thread.join();
        }

        int missingInGrid = 0;
        int missingInCassandra = 0;
        StoredRows.awaitWriteBehind(stack);
        try (StoredRows rows = new StoredRows(CassandraServer.shared(), stack)) {
            for (String tweet : tweets) {
                Set<String> expected = new HashSet<>();
                for (String like : acknowledged) {
                    if (like.endsWith(" " + tweet)) {
                        expected.add(like.substring(0, like.indexOf(' ')));
                    }
                }
                Set<String> likers = new HashSet<>(client.allIds("/api/v1/tweets/" + tweet + "/likers", null));
                Set<String> stored = rows.likersOf(tweet);
                missingInGrid += (int)
                        expected.stream().filter(id -> !likers.contains(id)).count();
                missingInCassandra += (int)
                        expected.stream().filter(id -> !stored.contains(id)).count();
                assertThat(client.count(tweet, "likes"))
                        .as("the count of %s agrees with its likers", tweet)
                        .isEqualTo(likers.size());
                assertThat(rows.likeCount(tweet))
                        .as("the stored count of %s", tweet)
                        .isEqualTo(stored.size());
            }
        }
        System.out.printf(
                "member kill (1 of 3) during a like storm: likes acknowledged %d (%d before the kill), refused and"
                        + " retried %d, missing from the likers %d, missing in Cassandra %d%n",
                acknowledged.size(), atKill, refused.get(), missingInGrid, missingInCassandra);
        assertThat(acknowledged.size()).isGreaterThan(atKill);
        assertThat(missingInGrid)
                .as("acknowledged likes missing from the likers")
                .isZero();
        assertThat(missingInCassandra)
                .as("acknowledged likes missing in Cassandra")
                .isZero();
    }

    private static List<Account> signUp(FlockClient client, int count, String prefix) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<Account>> made = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                made.add(pool.submit(() -> client.signUp(Handles.fresh(prefix))));
            }
            List<Account> accounts = new ArrayList<>();
            for (Future<Account> account : made) {
                accounts.add(account.get());
            }
            return accounts;
        }
    }

    private static void acknowledged(FlockClient client, String method, String tweet, Account account) {
        Answer answer = client.send(method, "/api/v1/tweets/" + tweet + "/like", account.token(), null);
        assertThat(answer.status()).as(method + " like: " + answer.body()).isEqualTo(204);
    }

    /** One attempt, as a client makes it: null when the connection failed. */
    private static Answer likeOnce(FlockClient client, String method, String tweet, Account account) {
        try {
            return client.send(method, "/api/v1/tweets/" + tweet + "/like", account.token(), null);
        } catch (RuntimeException failed) {
            return null;
        }
    }

    /** The accounts whose own view of the tweet says they like it. */
    private static Set<String> likingAccounts(FlockClient client, String tweet, List<Account> accounts) {
        Set<String> liking = new HashSet<>();
        for (Account account : accounts) {
            Answer seen = client.get("/api/v1/tweets/" + tweet, account.token());
            assertThat(seen.status()).isEqualTo(200);
            if (seen.json().getJsonObject("viewer").getBoolean("liked")) {
                liking.add(account.id());
            }
        }
        return liking;
    }

    private static void assertAgree(FlockClient client, String tweet, Set<String> liking) {
        assertThat(new HashSet<>(client.allIds("/api/v1/tweets/" + tweet + "/likers", null)))
                .as("the likers pages")
                .isEqualTo(liking);
        assertThat(client.count(tweet, "likes")).as("the count").isEqualTo(liking.size());
    }

    /**
     * The author's own page, read by a liker, by an account that does not like the tweet and without a token, and a
     * liker's home page: every tweet carries the count (within the API's two seconds), and the reader's state with a
     * token.
     */
    private static void assertPagesShow(
            FlockClient client, Account author, String tweet, List<Account> accounts, Set<String> liking) {
        Account liker = accounts.stream()
                .filter(a -> liking.contains(a.id()))
                .findFirst()
                .orElseThrow();
        Account other = accounts.stream()
                .filter(a -> !liking.contains(a.id()))
                .findFirst()
                .orElseThrow();
        String authorPage = "/api/v1/users/" + author.id() + "/tweets";
        await("the count on pages").atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(
                        shownOn(client.get(authorPage, liker.token()), tweet)
                                .getJsonObject("counts")
                                .getInt("likes"))
                .isEqualTo(liking.size()));
        assertThat(shownOn(client.get(authorPage, liker.token()), tweet)
                        .getJsonObject("viewer")
                        .getBoolean("liked"))
                .isTrue();
        assertThat(shownOn(client.get(authorPage, other.token()), tweet)
                        .getJsonObject("viewer")
                        .getBoolean("liked"))
                .isFalse();
        assertThat(shownOn(client.get(authorPage, null), tweet).containsKey("viewer"))
                .isFalse();
        assertThat(client.follow(liker, author.id()).status()).isEqualTo(204);
        await("the tweet in the liker's home page, liked")
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(shownOn(client.home(liker, ""), tweet)
                                .getJsonObject("viewer")
                                .getBoolean("liked"))
                        .isTrue());
        assertThat(client.get("/api/v1/users/" + liker.id() + "/likes", null).itemIds())
                .containsExactly(tweet);
    }

    private static jakarta.json.JsonObject shownOn(Answer page, String tweet) {
        assertThat(page.status()).isEqualTo(200);
        return page.json().getJsonArray("items").getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(item -> item.getString("id").equals(tweet))
                .findFirst()
                .orElseThrow(() -> new AssertionError(tweet + " not on the page " + page.body()));
    }
}
