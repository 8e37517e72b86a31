package flock.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import flock.testkit.CassandraServer;
import flock.testkit.FlockClient;
import flock.testkit.FlockClient.Account;
import flock.testkit.FlockStack;
import flock.testkit.JvmProcess;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The slow-request log end to end: an API node started with {@code flock.diagnostics.slow-request-millis} logs its slow
 * requests, each with its route (the template, never an account's id), status, time and the grid calls it made; the
 * node started without the key logs none.
 */
class SlowRequestLogIT {
    @AutoClose
    private FlockStack stack;

    @Test
    void should_log_slow_requests_with_their_route_and_grid_calls_only_where_asked() throws Exception {
        stack = new FlockStack(CassandraServer.shared(), "slowlog").start(1);
        JvmProcess quiet = stack.api();
        // A millisecond: a fresh node's first requests, not yet compiled, take longer than that.
        JvmProcess logging = stack.startApi(
                "api-node",
                "flock.apinode.Main",
                JvmProcess.DEFAULT_HEAP,
                Map.of("flock.diagnostics.slow-request-millis", "1"));
        FlockClient client = new FlockClient(stack.apiUri());
        Account author = client.signUp(Handles.fresh("slowlog"));
        for (int i = 0; i < 10; i++) {
            client.tweetId(author, "tweet " + i);
            assertThat(client.get("/api/v1/users/" + author.id() + "/tweets", null)
                            .status())
                    .isEqualTo(200);
        }

        await("a slow request logged with its grid calls")
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> slowLines(logging).stream()
                                .anyMatch(
                                        line -> line.matches(
                                                ".*slow request: POST /api/v1/tweets 201 in [0-9.]+ ms;"
                                                        + " grid calls \\(start\\+duration, ms\\): .*user_timelines\\.executeOnKey [0-9.]+\\+[0-9.]+.*")));
        assertThat(slowLines(logging))
                .as("routes, not paths: no account's id in the log")
                .noneMatch(line -> line.contains(author.id()));
        assertThat(slowLines(quiet)).as("the node started without the key").isEmpty();
    }

    private static List<String> slowLines(JvmProcess api) throws java.io.IOException {
        return Files.readAllLines(api.log()).stream()
                .filter(line -> line.contains("slow request: "))
                .toList();
    }
}
