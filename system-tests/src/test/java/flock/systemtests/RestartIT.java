package flock.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import flock.systemtests.FlockClient.Account;
import flock.testkit.CassandraServer;
import flock.testkit.FlockStack;
import flock.testkit.Poll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A full restart: everything written through the API, every member stopped gracefully (each flushes
 * its write-behind queues to Cassandra), new members and a new API node started, everything read back:
 * profiles, handles, the follow graph, tweets, user timelines, and home timelines rebuilt on read.
 */
class RestartIT {
    private FlockStack stack;

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void should_bring_back_everything_from_cassandra_after_a_graceful_restart() {
        stack = new FlockStack(CassandraServer.shared(), "restart").start(2);
        FlockClient before = new FlockClient(stack.apiUri());
        Account alice = before.signUp(Handles.fresh("alice"));
        Account bob = before.signUp(Handles.fresh("bob"));
        Account carol = before.signUp(Handles.fresh("carol"));
        List<Account> returning = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Account reader = before.signUp(Handles.fresh("returning"));
            before.follow(reader, alice.id());
            before.follow(reader, bob.id());
            returning.add(reader);
        }
        before.follow(carol, alice.id());
        before.follow(carol, bob.id());
        before.follow(bob, alice.id());
        List<String> tweets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tweets.add(before.tweetId(alice, "alice says " + i));
            tweets.add(before.tweetId(bob, "bob says " + i));
        }
        String deleted = before.tweetId(alice, "soon gone");
        assertThat(before.delete("/api/v1/tweets/" + deleted, alice.token()).status())
                .isEqualTo(204);
        Collections.reverse(tweets);
        String aliceHandle = before.get("/api/v1/users/" + alice.id(), null).string("handle");

        stack.stopAll();
        stack.forgetMembers();
        stack.startMember();
        stack.startMember();
        stack.startApi();
        stack.awaitMembers(2);
        FlockClient after = new FlockClient(stack.apiUri());

        // Returning users: nothing of theirs is in memory, so the first page is rebuilt from Cassandra. Carol
        // is the first request of a cold cluster; the others return to a warming one (their follow lists
        // come from Cassandra, the accounts they follow were just read): the common case in production.
        long started = System.nanoTime();
        assertThat(after.home(carol, "?limit=100").itemIds()).containsExactlyElementsOf(tweets);
        List<Long> millis = new ArrayList<>(List.of((System.nanoTime() - started) / 1_000_000));
        for (Account reader : returning) {
            started = System.nanoTime();
            assertThat(after.home(reader, "?limit=100").itemIds()).containsExactlyElementsOf(tweets);
            millis.add((System.nanoTime() - started) / 1_000_000);
        }
        System.out.printf(
                "feed rebuild of returning users following 2 accounts, first page, in ms (the first is the cold"
                        + " cluster's first request): %s%n",
                millis);

        var profile = after.get("/api/v1/users/by-handle/" + aliceHandle.toUpperCase(), null);
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.string("id")).isEqualTo(alice.id());
        assertThat(profile.json().getInt("followers")).isEqualTo(2 + returning.size());
        assertThat(profile.json().getInt("tweets")).isEqualTo(5);
        assertThat(after.get("/api/v1/users/" + carol.id() + "/following", null).itemIds())
                .containsExactly(bob.id(), alice.id());
        assertThat(after.get("/api/v1/users/" + alice.id() + "/followers", null).itemIds())
                .contains(bob.id(), carol.id())
                .hasSize(2 + returning.size());
        assertThat(after.get("/api/v1/tweets/" + tweets.get(0), null).string("text"))
                .isEqualTo("bob says 4");
        assertThat(after.get("/api/v1/tweets/" + deleted, null).status()).isEqualTo(404);
        assertThat(after.get("/api/v1/users/" + alice.id() + "/tweets?limit=100", null)
                        .itemIds())
                .hasSize(5);

        String fresh = after.tweetId(alice, "after the restart");
        Poll.until(Duration.ofSeconds(10), "a new tweet fans out after the restart", () -> after.home(carol, "")
                .itemIds()
                .contains(fresh));
        assertThat(after.post(
                                "/api/v1/users",
                                null,
                                "{\"handle\":\"" + aliceHandle + "\",\"displayName\":\"impostor\"}")
                        .status())
                .isEqualTo(409);
    }
}
