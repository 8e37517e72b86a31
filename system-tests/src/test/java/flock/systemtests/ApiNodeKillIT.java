package flock.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import flock.testkit.CassandraServer;
import flock.testkit.FlockClient;
import flock.testkit.FlockClient.Account;
import flock.testkit.FlockStack;
import flock.testkit.JvmProcess;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * API nodes are stateless: one is killed (SIGKILL) after its users signed up, followed and posted through
 * it, and another node serves the same users with the same tokens, their feeds and their writes, at once. A follower's
 * live stream on the killed node gets each tweet and a delete within a second; reconnected to the other node with
 * Last-Event-ID, it gets what it missed, nothing twice, then live tweets again.
 */
class ApiNodeKillIT {
    /** Tweets the follower's live stream is timed on. */
    private static final int STREAMED = 5;

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
    void should_serve_the_same_users_from_another_node_when_one_is_killed() throws Exception {
        stack = new FlockStack(CassandraServer.shared(), "apikill").start(2);
        first = stack.api();
        URI firstUri = stack.apiUri();
        FlockClient viaFirst = new FlockClient(firstUri);
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

        // A live stream on the first node: tweets and a delete reach it within a second of their acknowledgement.
        EventStream stream = new EventStream(firstUri, reader.token(), null);
        List<Double> lagMillis = new ArrayList<>();
        String lastEventId = null;
        for (int i = 0; i < STREAMED; i++) {
            String id = viaFirst.tweetId(author, "live " + i);
            long acknowledged = System.nanoTime();
            EventStream.Event update = stream.next("update", Duration.ofSeconds(30));
            assertThat(update).as("the update of tweet " + i).isNotNull();
            assertThat(update.data()).contains("\"id\":\"" + id + "\"").contains("live " + i);
            lagMillis.add(Math.max(0, update.receivedNanos() - acknowledged) / 1e6);
            lastEventId = update.id();
        }
        String gone = viaFirst.tweetId(author, "soon deleted");
        assertThat(stream.next("update", Duration.ofSeconds(30)).data()).contains(gone);
        assertThat(viaFirst.delete("/api/v1/tweets/" + gone, author.token()).status())
                .isEqualTo(204);
        long deleted = System.nanoTime();
        EventStream.Event delete = stream.next("delete", Duration.ofSeconds(30));
        assertThat(delete).as("the delete").isNotNull();
        assertThat(delete.data()).isEqualTo("\"" + gone + "\"");
        double deleteLagMillis = Math.max(0, delete.receivedNanos() - deleted) / 1e6;
        lastEventId = delete.id();
        System.out.printf(
                "API node kill: %d streamed tweets reached the follower %s ms after their acknowledgement, the delete"
                        + " %.0f ms after its%n",
                STREAMED,
                lagMillis.stream().map(lag -> String.format("%.0f", lag)).toList(),
                deleteLagMillis);
        assertThat(lagMillis).as("each tweet within a second").allMatch(lag -> lag <= 1_000);
        assertThat(deleteLagMillis).as("the delete within a second").isLessThanOrEqualTo(1_000);

        first.kill();
        long killedAt = System.nanoTime();
        await("the stream on the killed node to end")
                .atMost(Duration.ofSeconds(30))
                .until(stream::ended);

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
                .isEqualTo(2 + STREAMED);
        // The follower reconnects to the other node where it left off: what it missed, once, then live again.
        List<String> missed = new ArrayList<>(List.of(after));
        missed.add(viaSecond.tweetId(author, "also while away"));
        try (EventStream resumed = new EventStream(stack.apiUri(), reader.token(), lastEventId)) {
            for (String id : missed) {
                EventStream.Event update = resumed.next("update", Duration.ofSeconds(30));
                assertThat(update).as("the missed tweet " + id).isNotNull();
                assertThat(update.data()).as("missed tweets, oldest first").contains("\"id\":\"" + id + "\"");
            }
            assertThat(resumed.next("update", Duration.ofSeconds(2)))
                    .as("nothing twice")
                    .isNull();
            String live = viaSecond.tweetId(author, "live again");
            assertThat(resumed.next("update", Duration.ofSeconds(30)).data()).contains(live);
            missed.add(live);
        }
        List<String> acknowledged = new ArrayList<>(List.of(before));
        acknowledged.addAll(missed);
        long found = acknowledged.stream()
                .filter(id -> viaSecond.get("/api/v1/tweets/" + id, null).status() == 200)
                .count();
        System.out.printf(
                "API node kill: the other node read the feed and took a post %d ms after the kill; tweets"
                        + " acknowledged %d (through both nodes), found %d, lost %d%n",
                servedMillis, acknowledged.size(), found, acknowledged.size() - found);
        assertThat(found).isEqualTo(acknowledged.size());
    }
}
