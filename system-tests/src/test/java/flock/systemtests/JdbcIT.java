package flock.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import flock.testkit.CassandraServer;
import flock.testkit.FlockClient;
import flock.testkit.FlockClient.Account;
import flock.testkit.FlockStack;
import flock.testkit.ProjectLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Analysts' own tools reach the grid through Hazelcast's JDBC driver. Data written over HTTP is read back by the
 * SQL guide's example program ({@code analytics/examples/JdbcQuery.java}), run as docs/sql.md runs it: the driver's jar
 * on the class path of a JVM of its own, against a member process.
 */
class JdbcIT {
    private static final Path DRIVER = Path.of("target", "jdbc", "hazelcast-jdbc.jar");
    private static final Path EXAMPLE = ProjectLayout.root().resolve("analytics/examples/JdbcQuery.java");

    @AutoClose
    private FlockStack stack;

    @Test
    void should_answer_analysts_queries_through_the_jdbc_driver() throws Exception {
        stack = new FlockStack(CassandraServer.shared(), "jdbc").start(1);
        FlockClient client = new FlockClient(stack.apiUri());
        Account ann = client.signUp(Handles.fresh("ann"));
        Account bob = client.signUp(Handles.fresh("bob"));
        Account cyd = client.signUp(Handles.fresh("cyd"));
        for (int i = 0; i < 3; i++) {
            client.tweetId(ann, "ann says " + i);
        }
        client.tweetId(bob, "bob says hi");
        assertThat(client.follow(bob, ann.id()).status()).isEqualTo(204);
        assertThat(client.follow(cyd, ann.id()).status()).isEqualTo(204);
        assertThat(client.follow(cyd, bob.id()).status()).isEqualTo(204);
        String ours = "(" + ann.id() + ", " + bob.id() + ", " + cyd.id() + ")";

        List<String> posters =
                query("SELECT u.id, COUNT(*) AS posted FROM tweets t JOIN users u ON u.__key = t.author_id"
                        + " WHERE u.id IN " + ours + " GROUP BY u.id ORDER BY posted DESC");
        assertThat(posters).containsExactly("id\tposted", ann.id() + "\t3", bob.id() + "\t1");

        List<String> followed = query(
                "SELECT user_id, followers FROM follower_counts WHERE user_id IN " + ours + " ORDER BY followers DESC");
        assertThat(followed).containsExactly("user_id\tfollowers", ann.id() + "\t2", bob.id() + "\t1");
    }

    /** Runs the example program with the driver; answers its lines (a header, then one line per row). */
    private List<String> query(String sql) throws IOException, InterruptedException {
        String url = "jdbc:hazelcast://" + stack.memberAddresses().getFirst() + "/?clusterName=" + stack.clusterName();
        Path errors = ProjectLayout.scratch("jdbc").resolve("jdbc-query.err");
        Process process = new ProcessBuilder(
                        ProjectLayout.java(), "-cp", DRIVER.toString(), EXAMPLE.toString(), url, sql)
                .redirectError(errors.toFile())
                .start();
        List<String> lines = new ArrayList<>(process.inputReader().lines().toList());
        assertThat(process.waitFor(2, TimeUnit.MINUTES))
                .as("the JDBC query finished")
                .isTrue();
        assertThat(process.exitValue())
                .as("exit status of the JDBC query; its errors: %s", Files.readString(errors))
                .isZero();
        return lines;
    }
}
