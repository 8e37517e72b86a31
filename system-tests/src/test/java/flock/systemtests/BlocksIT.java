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
 * Blocks and mutes against real members, a real API node and a real Cassandra: a storm of blocks racing follows both
 * ways and posts leaves no follow between any blocked pair and none of the blocked accounts' tweets in the blockers'
 * feeds, the blocked accounts are refused with 403 problems, blocks are private, pages
 * read by a blocker leave the blocked account out (its tweets as reposted or answered by others too), and all of it
 * holds in Cassandra and after a full restart, as a mute does.
 */
class BlocksIT {
    private static final int PAIRS = 12;
    private static final int FOLLOWS_PER_SIDE = 6;

    @AutoClose
    private FlockStack stack;

    @Test
    void should_leave_no_follow_between_blocked_pairs_after_a_storm_and_keep_the_blocks_across_a_restart()
            throws Exception {
        stack = new FlockStack(CassandraServer.shared(), "blocks").start(2);
        FlockClient client = new FlockClient(stack.apiUri());
        List<Account> blockers = new ArrayList<>();
        List<Account> blocked = new ArrayList<>();
        List<String> blockerHandles = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            blockerHandles.add(Handles.fresh("blocker"));
            blockers.add(client.signUp(blockerHandles.getLast()));
            blocked.add(client.signUp(Handles.fresh("blocked")));
        }
        String tweet = client.tweetId(blockers.getFirst(), "not for everyone");
        // An account the first blocker follows, which passes on what the account it will block posts.
        Account relay = client.signUp(Handles.fresh("relay"));
        assertThat(client.follow(blockers.getFirst(), relay.id()).status()).isEqualTo(204);
        client.home(blockers.getFirst(), ""); // the feed in memory: the fan-out writes it
        String byBlocked = client.tweetId(blocked.getFirst(), "soon blocked");
        String relayed = client.send("PUT", "/api/v1/tweets/" + byBlocked + "/repost", relay.token(), null)
                .string("id");
        String answer = client.post(
                        "/api/v1/tweets",
                        relay.token(),
                        "{\"text\": \"an answer\", \"inReplyToId\": \"" + byBlocked + "\"}")
                .string("id");
        String plain = client.tweetId(relay, "nothing to do with it");
        await("the relay's repost and tweet in the first blocker's feed")
                .atMost(Duration.ofMinutes(1))
                .untilAsserted(
                        () -> assertThat(client.home(blockers.getFirst(), "").itemIds())
                                .contains(relayed, plain));

        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < PAIRS; i++) {
                Account a = blockers.get(i);
                Account b = blocked.get(i);
                for (int n = 0; n < FOLLOWS_PER_SIDE; n++) {
                    work.add(pool.submit(() -> {
                        Answer got = client.follow(b, a.id());
                        assertThat(got.status())
                                .as("a follow racing the block: made, or refused (%s)", got)
                                .isIn(204, 403);
                    }));
                    work.add(pool.submit(() -> {
                        Answer got = client.follow(a, b.id());
                        assertThat(got.status())
                                .as("the blocker's own follow racing its block (%s)", got)
                                .isIn(204, 409);
                    }));
                }
                String handle = blockerHandles.get(i);
                work.add(pool.submit(() -> {
                    Answer got = client.tweet(b, "@" + handle + " posted while being blocked");
                    assertThat(got.status())
                            .as("a post racing the block (%s)", got)
                            .isEqualTo(201);
                }));
                work.add(pool.submit(() -> {
                    Answer got = block(client, a, b);
                    assertThat(got.status()).as("the block (%s)", got).isEqualTo(204);
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        }

        assertNoFollowBetweenBlockedPairs(client, blockers, blocked);
        for (int i = 0; i < PAIRS; i++) {
            Set<String> byBlockedAccount = new HashSet<>(
                    client.allIds("/api/v1/users/" + blocked.get(i).id() + "/tweets", null));
            assertThat(client.home(blockers.get(i), "?limit=100").itemIds())
                    .as("a blocker's feed, whatever the storm let in")
                    .doesNotContainAnyElementsOf(byBlockedAccount);
        }
        // Notifications: whatever the blocked accounts' mentions and follows told before the block, none shows now,
        // and what they do after it tells nothing (a friend's mention, after theirs, shows that the job got that far).
        for (int i = 0; i < PAIRS; i++) {
            client.tweetId(blocked.get(i), "@" + blockerHandles.get(i) + " after the block");
        }
        Account friend = client.signUp(Handles.fresh("friend"));
        client.tweetId(friend, "@" + blockerHandles.getFirst() + " hello");
        await("a friend's mention in the first blocker's notifications")
                .atMost(Duration.ofMinutes(1))
                .untilAsserted(() -> assertThat(notifyingAccounts(client, blockers.getFirst()))
                        .contains(friend.id()));
        for (int i = 0; i < PAIRS; i++) {
            assertThat(notifyingAccounts(client, blockers.get(i)))
                    .as("a blocker's notifications")
                    .doesNotContain(blocked.get(i).id());
        }
        Account first = blockers.getFirst();
        assertThat(client.home(first, "").itemIds())
                .as("the blocker's feed without the blocked account's tweet reposted by another")
                .contains(plain)
                .doesNotContain(relayed, byBlocked);
        assertThat(client.get("/api/v1/users/" + relay.id() + "/tweets", first.token())
                        .itemIds())
                .as("another account's page, read by the blocker")
                .containsExactly(plain);
        assertThat(client.get("/api/v1/users/" + relay.id() + "/tweets", null).itemIds())
                .as("the same page read by anyone else")
                .containsExactly(plain, answer, relayed);
        await("the answer among the tweet's replies")
                .atMost(Duration.ofMinutes(1))
                .untilAsserted(() -> assertThat(client.get("/api/v1/tweets/" + byBlocked + "/replies", null)
                                .itemIds())
                        .containsExactly(answer));
        assertThat(client.get("/api/v1/tweets/" + byBlocked + "/replies", first.token())
                        .itemIds())
                .as("a thread read by the blocker")
                .isEmpty();
        Answer refused = client.follow(blocked.getFirst(), blockers.getFirst().id());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.body()).contains("blocks");
        assertThat(client.send(
                                "PUT",
                                "/api/v1/tweets/" + tweet + "/like",
                                blocked.getFirst().token(),
                                null)
                        .status())
                .as("a like of the blocker's tweet")
                .isEqualTo(403);
        assertThat(client.send(
                                "PUT",
                                "/api/v1/tweets/" + tweet + "/repost",
                                blocked.getFirst().token(),
                                null)
                        .status())
                .as("a repost of the blocker's tweet")
                .isEqualTo(403);
        assertThat(client.count(tweet, "likes")).isZero();
        Answer reply = client.post(
                "/api/v1/tweets",
                blocked.getFirst().token(),
                "{\"text\": \"hey\", \"inReplyToId\": \"" + tweet + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(403);
        assertThat(client.get(
                                "/api/v1/users/" + blockers.getFirst().id() + "/blocking",
                                blocked.getFirst().token())
                        .status())
                .as("blocks are private")
                .isEqualTo(403);

        // The blocker's live stream: the relay's repost of the blocked account's tweet does not come through; the
        // relay's own tweet after it does.
        try (EventStream stream = new EventStream(stack.apiUri(), first.token(), null)) {
            String again = client.tweetId(blocked.getFirst(), "blocked, posting again");
            assertThat(client.send("PUT", "/api/v1/tweets/" + again + "/repost", relay.token(), null)
                            .status())
                    .isEqualTo(200);
            String next = client.tweetId(relay, "after the repost");
            List<String> streamed = new ArrayList<>();
            for (EventStream.Event update = stream.next("update", Duration.ofSeconds(30));
                    update != null;
                    update = stream.next("update", Duration.ofSeconds(30))) {
                streamed.add(update.data());
                if (update.data().contains(next)) {
                    break;
                }
            }
            assertThat(streamed).as("the stream, up to the relay's tweet").anyMatch(data -> data.contains(next));
            assertThat(streamed).as("the blocked account's tweet, reposted").noneMatch(data -> data.contains(again));
        }

        // A mute for an hour: the relay leaves the first blocker's feed, not its profile as that blocker reads it.
        assertThat(client.send(
                                "PUT",
                                "/api/v1/users/" + first.id() + "/muting/" + relay.id(),
                                first.token(),
                                "{\"durationSeconds\": 3600}")
                        .status())
                .isEqualTo(204);
        assertThat(client.home(first, "").itemIds()).doesNotContain(plain);
        assertThat(client.get("/api/v1/users/" + relay.id() + "/tweets", first.token())
                        .itemIds())
                .contains(plain);

        StoredRows.awaitWriteBehind(stack);
        try (StoredRows rows = new StoredRows(CassandraServer.shared(), stack)) {
            for (int i = 0; i < PAIRS; i++) {
                assertThat(rows.blocking(blockers.get(i).id()))
                        .containsExactly(blocked.get(i).id());
                assertThat(rows.following(blocked.get(i).id())).isEmpty();
                assertThat(rows.followers(blockers.get(i).id())).isEmpty();
            }
        }
        stack.restartAll(2);
        FlockClient after = new FlockClient(stack.apiUri());
        assertNoFollowBetweenBlockedPairs(after, blockers, blocked);
        assertThat(after.follow(blocked.get(1), blockers.get(1).id()).status())
                .as("still refused after a full restart")
                .isEqualTo(403);
        assertThat(after.home(first, "").itemIds())
                .as("the mute after a full restart")
                .doesNotContain(plain);
        JsonObject standing = after.get(
                        "/api/v1/users/" + first.id() + "/relationships?ids=" + relay.id() + ","
                                + blocked.getFirst().id(),
                        first.token())
                .json();
        assertThat(standing.getJsonArray("items").getJsonObject(0).getBoolean("muting"))
                .isTrue();
        assertThat(standing.getJsonArray("items").getJsonObject(0).getBoolean("following"))
                .isTrue();
        assertThat(standing.getJsonArray("items").getJsonObject(1).getBoolean("blocking"))
                .isTrue();
        assertThat(unblock(after, blockers.get(1), blocked.get(1)).status()).isEqualTo(204);
        assertThat(after.follow(blocked.get(1), blockers.get(1).id()).status())
                .as("unblocked, the follow is allowed again")
                .isEqualTo(204);
        System.out.printf(
                "blocks: %d blocks raced %d follows; no follow left between a blocked pair, kept across a restart%n",
                PAIRS, PAIRS * FOLLOWS_PER_SIDE * 2);
    }

    private static void assertNoFollowBetweenBlockedPairs(
            FlockClient client, List<Account> blockers, List<Account> blocked) {
        for (int i = 0; i < blockers.size(); i++) {
            Account a = blockers.get(i);
            Account b = blocked.get(i);
            assertThat(client.allIds("/api/v1/users/" + a.id() + "/blocking", a.token()))
                    .containsExactly(b.id());
            assertThat(client.allIds("/api/v1/users/" + b.id() + "/following", null))
                    .as("the blocked account follows nobody it was storming")
                    .doesNotContain(a.id());
            assertThat(client.allIds("/api/v1/users/" + a.id() + "/following", null))
                    .doesNotContain(b.id());
            assertThat(client.allIds("/api/v1/users/" + a.id() + "/followers", null))
                    .doesNotContain(b.id());
        }
    }

    /** Every account the user's notifications name. */
    private static List<String> notifyingAccounts(FlockClient client, Account user) {
        Answer page = client.get("/api/v1/notifications?limit=100", user.token());
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json().getJsonArray("items").stream()
                .flatMap(item -> item.asJsonObject().getJsonArray("accounts").stream())
                .map(account -> account.asJsonObject().getString("id"))
                .toList();
    }

    private static Answer block(FlockClient client, Account who, Account target) {
        return client.send("PUT", "/api/v1/users/" + who.id() + "/blocking/" + target.id(), who.token(), null);
    }

    private static Answer unblock(FlockClient client, Account who, Account target) {
        return client.delete("/api/v1/users/" + who.id() + "/blocking/" + target.id(), who.token());
    }
}
