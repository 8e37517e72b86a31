package flock.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import flock.testkit.CassandraServer;
import flock.testkit.FlockClient;
import flock.testkit.FlockClient.Account;
import flock.testkit.FlockStack;
import flock.testkit.JvmProcess;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * API nodes are stateless: one is killed (SIGKILL) after its users signed up, followed and posted through
 * it, and another node serves the same users with the same tokens, their feeds and their writes, at once.
 */
class ApiNodeKillIT {
    @AutoClose
    private FlockStack stack;

    private JvmProcess first;

    @AfterEach
    void stop() {
        if (first != null && first.isAlive()) {
            first.kill();
        }
    }

    @Test
    void should_serve_the_same_users_from_another_node_when_one_is_killed() {
        stack = new FlockStack(CassandraServer.shared(), "apikill").start(2);
        first = stack.api();
        FlockClient viaFirst = new FlockClient(stack.apiUri());
        stack.startApi();
        FlockClient viaSecond = new FlockClient(stack.apiUri());
        Account author = viaFirst.signUp(Handles.fresh("apikill_author"));
        Account reader = viaFirst.signUp(Handles.fresh("apikill_reader"));
        assertThat(viaFirst.follow(reader, author.id()).status()).isEqualTo(204);
        viaFirst.home(reader, "");
        String before = viaFirst.tweetId(author, "posted through the first node");
        await("the tweet in the reader's feed")
                .atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> viaFirst.home(reader, "").itemIds().contains(before));

        first.kill();
        long killedAt = System.nanoTime();

        assertThat(viaSecond.home(reader, "").itemIds())
                .as("the feed, read with the same token on the other node")
                .contains(before);
        String after = viaSecond.tweetId(author, "posted through the second node");
        long servedMillis = (System.nanoTime() - killedAt) / 1_000_000;
        await("the new tweet in the reader's feed")
                .atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> viaSecond.home(reader, "").itemIds().contains(after));
        assertThat(viaSecond.get("/api/v1/users/" + author.id(), null).json().getInt("tweets"))
                .isEqualTo(2);
        List<String> acknowledged = List.of(before, after);
        long found = acknowledged.stream()
                .filter(id -> viaSecond.get("/api/v1/tweets/" + id, null).status() == 200)
                .count();
        System.out.printf(
                "API node kill: the other node read the feed and took a post %d ms after the kill; tweets"
                        + " acknowledged %d (one through each node), found %d, lost %d%n",
                servedMillis, acknowledged.size(), found, acknowledged.size() - found);
        assertThat(found).isEqualTo(acknowledged.size());
    }
}
