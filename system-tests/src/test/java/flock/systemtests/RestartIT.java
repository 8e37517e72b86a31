package flock.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import flock.testkit.CassandraServer;
import flock.testkit.FlockClient;
import flock.testkit.FlockClient.Account;
import flock.testkit.FlockStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * A full restart: everything written through the API, every member stopped gracefully (each flushes
 * its write-behind queues to Cassandra), new members and a new API node started, everything read back:
 * profiles, handles, the follow graph, tweets, user timelines, and home timelines rebuilt on read.
 */
class RestartIT {
    @AutoClose
    private FlockStack stack;

    @Test
    void should_bring_back_everything_from_cassandra_after_a_graceful_restart() {
        stack = new FlockStack(CassandraServer.shared(), "restart").start(2);
        FlockClient before = new FlockClient(stack.apiUri());
        Account alice = before.signUp(Handles.fresh("alice"));
        Account bob = before.signUp(Handles.fresh("bob"));
        Account carol = before.signUp(Handles.fresh("carol"));
        List<Account> users = new ArrayList<>(List.of(alice, bob, carol));
        List<Account[]> follows = new ArrayList<>();
        List<Account> returning = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Account reader = before.signUp(Handles.fresh("returning"));
            users.add(reader);
            follows.add(follow(before, reader, alice));
            follows.add(follow(before, reader, bob));
            returning.add(reader);
        }
        follows.add(follow(before, carol, alice));
        follows.add(follow(before, carol, bob));
        follows.add(follow(before, bob, alice));
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

        stack.restartAll(2);
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

        int usersFound = 0;
        for (Account user : users) {
            usersFound += after.get("/api/v1/users/" + user.id(), null).status() == 200 ? 1 : 0;
        }
        int followsFound = 0;
        for (Account[] follow : follows) {
            followsFound += after.allIds("/api/v1/users/" + follow[0].id() + "/following", null)
                                    .contains(follow[1].id())
                            && after.allIds("/api/v1/users/" + follow[1].id() + "/followers", null)
                                    .contains(follow[0].id())
                    ? 1
                    : 0;
        }
        int tweetsFound = 0;
        for (String id : tweets) {
            tweetsFound += after.get("/api/v1/tweets/" + id, null).status() == 200 ? 1 : 0;
        }
        System.out.printf(
                "full restart: users acknowledged %d, found %d; follows acknowledged %d, found %d (both"
                        + " directions); tweets acknowledged %d, found %d; lost %d%n",
                users.size(),
                usersFound,
                follows.size(),
                followsFound,
                tweets.size(),
                tweetsFound,
                users.size() - usersFound + follows.size() - followsFound + tweets.size() - tweetsFound);
        assertThat(usersFound).isEqualTo(users.size());
        assertThat(followsFound).isEqualTo(follows.size());
        assertThat(tweetsFound).isEqualTo(tweets.size());

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
        await("a new tweet fans out after the restart")
                .atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> after.home(carol, "").itemIds().contains(fresh));
        assertThat(after.post(
                                "/api/v1/users",
                                null,
                                "{\"handle\":\"" + aliceHandle + "\",\"displayName\":\"impostor\"}")
                        .status())
                .isEqualTo(409);
    }

    /** Follows and fails the test unless the follow is acknowledged. */
    private static Account[] follow(FlockClient client, Account who, Account whom) {
        assertThat(client.follow(who, whom.id()).status()).isEqualTo(204);
        return new Account[] {who, whom};
    }
}
