package flock.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flock.benchmarks.DemoData;
import flock.testkit.CassandraServer;
import flock.testkit.FlockClient;
import flock.testkit.FlockStack;
import flock.testkit.ProjectLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The demo world {@code ./flock up} loads, against a real stack: its tokens file is written with the accounts and
 * never silently missing, and a load that runs again completes what is there instead of posting it twice.
 */
class DemoDataIT {
    private static final Path EDGES = ProjectLayout.root().resolve("benchmarks/data/socfb-Reed98/socfb-Reed98.edges");

    @AutoClose
    private FlockStack stack;

    @Test
    void should_write_every_token_and_refuse_to_call_a_load_without_them_done() throws Exception {
        stack = new FlockStack(CassandraServer.shared(), "demo").start(1);
        Path dir = Files.createDirectories(ProjectLayout.scratch("demo-data"));
        Path csv = dir.resolve("demo-accounts.csv");
        Files.deleteIfExists(csv);
        DemoData demo = new DemoData(stack.apiUri());

        demo.load(EDGES, csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(DemoData.USERS + 1).first().isEqualTo("handle,id,token");
        FlockClient client = new FlockClient(stack.apiUri());
        String[] first = lines.get(1).split(",");
        FlockClient.Account reed0 = new FlockClient.Account(first[1], first[2]);
        assertThat(client.home(reed0, "").status()).as("reed_0's token works").isEqualTo(200);
        int tweets = tweetsOf(client, first[1]);

        demo.load(EDGES, csv);
        assertThat(tweetsOf(client, first[1]))
                .as("a second load posts nothing twice")
                .isEqualTo(tweets);

        Path saved = dir.resolve("saved.csv");
        Files.move(csv, saved);
        assertThatThrownBy(() -> demo.load(EDGES, csv))
                .as("demo users without their tokens are no finished load")
                .isInstanceOf(DemoData.DemoFailure.class)
                .hasMessageContaining(csv.toString())
                .hasMessageContaining("cannot be recovered");
        assertThat(csv).doesNotExist();
    }

    private static int tweetsOf(FlockClient client, String userId) {
        return client.get("/api/v1/users/" + userId, null).json().getInt("tweets");
    }
}
