package flock.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import flock.testkit.CassandraServer;
import flock.testkit.FlockClient;
import flock.testkit.FlockClient.Account;
import flock.testkit.FlockClient.Answer;
import flock.testkit.FlockStack;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Reposts against real members, a real API node and a real Cassandra: Mastodon's feed rules (a tweet reposted by two
 * accounts followed shows once; a repost stays out while its original is among the feed's newest 40 entries), a storm
 * of accounts reposting one tweet twice at once and some taking it back, whose count and "reposted" agree afterwards
 * and after a full restart, and the original's deletion taking every repost with it.
 */
class RepostsIT {
    private static final int ACCOUNTS = 30;

    @AutoClose
    private FlockStack stack;

    @Test
    void should_keep_the_feed_rules_count_a_storm_exactly_and_take_reposts_away_with_their_original() throws Exception {
        stack = new FlockStack(CassandraServer.shared(), "reposts").start(2);
        FlockClient client = new FlockClient(stack.apiUri());
        Account author = client.signUp(Handles.fresh("orig"));
        Account first = client.signUp(Handles.fresh("rp1"));
        Account second = client.signUp(Handles.fresh("rp2"));
        Account followsReposters = client.signUp(Handles.fresh("fan"));
        Account followsAuthor = client.signUp(Handles.fresh("reader"));
        assertThat(client.follow(followsReposters, first.id()).status()).isEqualTo(204);
        assertThat(client.follow(followsReposters, second.id()).status()).isEqualTo(204);
        assertThat(client.follow(followsAuthor, author.id()).status()).isEqualTo(204);
        assertThat(client.follow(followsAuthor, first.id()).status()).isEqualTo(204);
        client.home(followsReposters, ""); // both feeds in memory: the fan-out writes them
        client.home(followsAuthor, "");

        String original = client.tweetId(author, "worth a repost");
        String firstRepost = repost(client, first, original);
        String secondRepost = repost(client, second, original);
        await("the first repost in the feed of a follower of both reposters, the second left out")
                .atMost(Duration.ofMinutes(1))
                .untilAsserted(() -> {
                    assertThat(client.home(followsReposters, "").itemIds()).containsExactly(firstRepost);
                    assertThat(client.count(original, "reposts")).isEqualTo(2);
                });
        assertThat(client.home(followsAuthor, "").itemIds())
                .as("the original is near the top: its repost stays out")
                .containsExactly(original);
        JsonObject shown =
                client.home(followsReposters, "").json().getJsonArray("items").getJsonObject(0);
        assertThat(shown.getJsonObject("repostOf").getString("id")).isEqualTo(original);
        assertThat(secondRepost).isNotEqualTo(firstRepost);

        // 40 newer tweets push the original below the falloff: a repost of it then comes back to the top.
        String older = client.tweetId(author, "an older one");
        List<String> newer = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            newer.add(client.tweetId(author, "newer " + i));
        }
        await("the 40 newer tweets in the reader's feed")
                .atMost(Duration.ofMinutes(1))
                .untilAsserted(() -> assertThat(
                                client.home(followsAuthor, "?limit=100").itemIds())
                        .contains(newer.getLast()));
        String late = repost(client, first, older);
        await("a repost of a tweet past the newest 40")
                .atMost(Duration.ofMinutes(1))
                .untilAsserted(() -> assertThat(client.home(followsAuthor, "").itemIds())
                        .first()
                        .isEqualTo(late));

        Set<String> reposting = storm(client, original);
        reposting.add(first.id());
        reposting.add(second.id());
        await("the count to agree with the accounts that repost")
                .atMost(Duration.ofMinutes(1))
                .untilAsserted(
                        () -> assertThat(client.count(original, "reposts")).isEqualTo(reposting.size()));
        StoredRows.awaitWriteBehind(stack);
        stack.restartAll(2);
        FlockClient after = new FlockClient(stack.apiUri());
        assertThat(after.count(original, "reposts"))
                .as("the count after a full restart")
                .isEqualTo(reposting.size());
        assertThat(after.get("/api/v1/tweets/" + original, first.token())
                        .json()
                        .getJsonObject("viewer")
                        .getBoolean("reposted"))
                .isTrue();
        assertThat(after.home(followsReposters, "").itemIds())
                .as("the feed rebuilt after the restart still shows the repost")
                .contains(firstRepost);

        assertThat(after.delete("/api/v1/tweets/" + original, author.token()).status())
                .isEqualTo(204);
        assertThat(after.home(followsReposters, "").itemIds())
                .as("the reposts leave the pages with their original, at once")
                .doesNotContain(firstRepost);
        await("the reposts deleted with their original")
                .atMost(Duration.ofMinutes(1))
                .untilAsserted(() -> {
                    assertThat(after.get("/api/v1/tweets/" + firstRepost, null).status())
                            .isEqualTo(404);
                    assertThat(after.get("/api/v1/users/" + second.id(), null)
                                    .json()
                                    .getInt("tweets"))
                            .isZero();
                });
        assertThat(after.get("/api/v1/tweets/" + older, first.token())
                        .json()
                        .getJsonObject("viewer")
                        .getBoolean("reposted"))
                .as("another tweet's repost stays")
                .isTrue();
        System.out.printf(
                "reposts: feed rules kept, %d accounts repost after the storm and the restart, and the original's"
                        + " deletion took every repost with it%n",
                reposting.size());
    }

    /** Accounts repost the tweet twice at once; every third takes it back. Answers who reposts it afterwards. */
    private static Set<String> storm(FlockClient client, String tweet) throws Exception {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.add(client.signUp(Handles.fresh("storm")));
        }
        Set<String> reposting = new HashSet<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < ACCOUNTS; i++) {
                Account account = accounts.get(i);
                boolean takesBack = i % 3 == 0;
                work.add(pool.submit(() -> repost(client, account, tweet)));
                work.add(pool.submit(() -> {
                    String repost = repost(client, account, tweet);
                    if (takesBack) {
                        Answer back = client.delete("/api/v1/tweets/" + tweet + "/repost", account.token());
                        assertThat(back.status()).isEqualTo(204);
                    }
                    return repost;
                }));
                if (!takesBack) {
                    reposting.add(account.id());
                }
            }
            for (Future<?> done : work) {
                done.get();
            }
        }
        // Where the two PUTs of an account that took its repost back raced, the first may have made a repost after
        // the DELETE: what each account's own view says is the truth the count must agree with.
        for (Account account : accounts) {
            boolean reposted = client.get("/api/v1/tweets/" + tweet, account.token())
                    .json()
                    .getJsonObject("viewer")
                    .getBoolean("reposted");
            if (reposted) {
                reposting.add(account.id());
            } else {
                reposting.remove(account.id());
            }
        }
        return reposting;
    }

    private static String repost(FlockClient client, Account account, String tweet) {
        Answer answer = client.send("PUT", "/api/v1/tweets/" + tweet + "/repost", account.token(), null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.string("id");
    }
}
