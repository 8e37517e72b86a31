package flock.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.flakeidgen.FlakeIdGenerator;
import flock.apinode.engagement.Likes;
import flock.apinode.safety.Blocks;
import flock.domain.MapNames;
import flock.testkit.FlockClient;
import flock.testkit.FlockClient.Account;
import flock.testkit.FlockClient.Answer;
import flock.testkit.FlockStack;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Notifications against real members, a real API node and a real Cassandra: every kind arrives (mention, reply, quote,
 * repost, like, follow), 10,000 likes of one tweet are one group counting 10,000, the read marker moves up only, a
 * blocked account is left out and notifies nothing more, a deleted tweet's notifications go, and after a full restart
 * the groups and the marker are read back from Cassandra. What a member's loss does to the journals the notify job
 * reads is {@code MemberKillIT}'s.
 *
 * <p>Played inside {@code LikesIT}'s stack, whose start and full restart it shares (each costs the run half a minute):
 * {@link #play} before the restart, {@link #checkAfterRestart} after it.
 */
final class NotificationsScenario {
    private static final int LIKERS = 10_000;
    private static final int THREADS = 8;
    private static final Duration EVENTUALLY = Duration.ofMinutes(2);

    private final FlockStack stack;
    private Account alice;
    private Account bob;
    private List<String> before;
    private int unreadBefore;

    NotificationsScenario(FlockStack stack) {
        this.stack = stack;
    }

    void play(FlockClient client) throws Exception {
        String aliceHandle = Handles.fresh("alice");
        alice = client.signUp(aliceHandle);
        bob = client.signUp(Handles.fresh("bob"));
        Account carol = client.signUp(Handles.fresh("carol"));
        String hello = client.tweetId(alice, "hello");
        String mention = client.tweetId(bob, "hi @" + aliceHandle);
        String reply = client.replyId(bob, hello, "hello back");
        String quote = client.quoteId(carol, hello, "look at this");
        assertThat(client.send("PUT", "/api/v1/tweets/" + hello + "/repost", bob.token(), null)
                        .status())
                .isIn(200, 201);
        assertThat(client.follow(bob, alice.id()).status()).isEqualTo(204);
        assertThat(client.follow(carol, alice.id()).status()).isEqualTo(204);
        String liked = client.tweetId(alice, "like this");
        assertThat(client.send("PUT", "/api/v1/tweets/" + liked + "/like", alice.token(), null)
                        .status())
                .as("the author's own like, which notifies nobody")
                .isEqualTo(204);

        long started = System.nanoTime();
        likeByMany(client, liked);
        System.out.printf(
                "notifications: %,d accounts liked one tweet in %.1f s%n", LIKERS, (System.nanoTime() - started) / 1e9);

        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(types(client, alice))
                .containsExactly("like", "follow", "repost", "quote", "reply", "mention"));
        List<JsonObject> items = items(client, alice, "");
        JsonObject likes = items.getFirst();
        assertThat(likes.getInt("count"))
                .as("one group counting every like but the author's own")
                .isEqualTo(LIKERS);
        assertThat(likes.getJsonArray("accounts")).hasSize(3);
        assertThat(likes.getJsonObject("tweet").getString("id")).isEqualTo(liked);
        assertThat(items.get(1).getInt("count")).as("two follows in the hour").isEqualTo(2);
        assertThat(items.get(3).getJsonObject("tweet").getString("id")).isEqualTo(quote);
        assertThat(items.get(4).getJsonObject("tweet").getString("id")).isEqualTo(reply);
        assertThat(items.get(5).getString("id")).isEqualTo(mention);
        assertThat(types(client, alice, "?types=reply,mention")).containsExactly("reply", "mention");
        assertThat(items(client, bob, ""))
                .as("nothing for bob: nobody acted on him")
                .isEmpty();

        // The read marker: up to the quote, never back, then the unread count is what is above it.
        assertThat(unread(client, alice)).isEqualTo(6);
        String quoteGroup = items.get(3).getString("id");
        assertThat(markRead(client, alice, quoteGroup)).isEqualTo(quoteGroup);
        assertThat(markRead(client, alice, mention)).as("never backwards").isEqualTo(quoteGroup);
        assertThat(unread(client, alice)).isEqualTo(3);

        // A block: carol's quote and follow leave alice's notifications, and her mentions notify nothing.
        assertThat(client.send("PUT", "/api/v1/users/" + alice.id() + "/blocking/" + carol.id(), alice.token(), null)
                        .status())
                .isEqualTo(204);
        client.tweetId(carol, "@" + aliceHandle + " are you there");
        client.tweetId(bob, "@" + aliceHandle + " still here");
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(types(client, alice))
                .containsExactly("mention", "like", "follow", "repost", "reply", "mention"));
        assertThat(accountIds(items(client, alice, ""))).doesNotContain(carol.id());
        assertThat(items(client, alice, "").get(2).getInt("count"))
                .as("bob's follow alone: carol's follow went with the block")
                .isEqualTo(1);

        // A deleted tweet takes its notification with it.
        assertThat(client.delete("/api/v1/tweets/" + reply, bob.token()).status())
                .isEqualTo(204);
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(types(client, alice))
                .containsExactly("mention", "like", "follow", "repost", "mention"));
        before = types(client, alice);
        unreadBefore = unread(client, alice);
    }

    /** What {@link #play} left, read back after a full restart from Cassandra; and a follow, notified as before. */
    void checkAfterRestart(FlockClient after) {
        assertThat(types(after, alice)).as("after a full restart").isEqualTo(before);
        assertThat(items(after, alice, "").get(1).getInt("count")).isEqualTo(LIKERS);
        assertThat(unread(after, alice)).as("the marker, after a full restart").isEqualTo(unreadBefore);
        assertThat(after.send("PUT", "/api/v1/users/" + alice.id() + "/following/" + bob.id(), alice.token(), null)
                        .status())
                .isEqualTo(204);
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(types(after, bob)).containsExactly("follow"));
    }

    /**
     * {@value #LIKERS} likes of the tweet: all but the last three through the API node's own {@code Likes} over a grid
     * client in this process (the grid calls a like request makes, without 10,000 sign-ups and requests through HTTP,
     * which took two minutes of this machine's two cores), by account ids that have no profile (a like does not ask
     * for one: only the accounts a group shows are looked up); the last three over HTTP by accounts that signed up, so
     * that they are the group's newest, the ones it shows.
     */
    private void likeByMany(FlockClient client, String tweet) throws Exception {
        HazelcastInstance grid = HazelcastClient.newHazelcastClient(GridClients.configFor(stack));
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            FlakeIdGenerator ids = grid.getFlakeIdGenerator(MapNames.ID_GENERATOR);
            Likes likes = new Likes(grid, new Blocks(grid));
            long tweetId = Long.parseLong(tweet);
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < LIKERS - 3; i++) {
                long fan = ids.newId();
                work.add(pool.submit(() -> likes.like(fan, tweetId)));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            grid.shutdown();
        }
        for (int i = 0; i < 3; i++) {
            Account liker = client.signUp(Handles.fresh("fan"));
            Answer answer = client.send("PUT", "/api/v1/tweets/" + tweet + "/like", liker.token(), null);
            assertThat(answer.status()).as(answer.body()).isEqualTo(204);
        }
    }

    private static List<JsonObject> items(FlockClient client, Account user, String query) {
        Answer page = client.get("/api/v1/notifications" + query, user.token());
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json().getJsonArray("items").stream()
                .map(item -> item.asJsonObject())
                .toList();
    }

    private static List<String> types(FlockClient client, Account user) {
        return types(client, user, "");
    }

    private static List<String> types(FlockClient client, Account user, String query) {
        return items(client, user, query).stream()
                .map(item -> item.getString("type"))
                .toList();
    }

    private static List<String> accountIds(List<JsonObject> items) {
        return items.stream()
                .flatMap(item -> item.getJsonArray("accounts").stream())
                .map(account -> account.asJsonObject().getString("id"))
                .toList();
    }

    private static int unread(FlockClient client, Account user) {
        return client.get("/api/v1/notifications/unread", user.token()).json().getInt("count");
    }

    private static String markRead(FlockClient client, Account user, String upToId) {
        Answer answer = client.post("/api/v1/notifications/read", user.token(), "{\"upToId\":\"" + upToId + "\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.string("readUpTo");
    }
}
