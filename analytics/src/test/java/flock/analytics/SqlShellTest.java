package flock.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.client.test.TestHazelcastFactory;
import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SqlShellTest {
    private final TestHazelcastFactory factory = new TestHazelcastFactory();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private HazelcastInstance client;

    @BeforeEach
    void start() {
        Config config = new Config();
        config.getJetConfig().setEnabled(true);
        HazelcastInstance member = factory.newHazelcastInstance(config);
        member.getMap("people").set(1L, "Ann, \"the first\"");
        member.getMap("people").set(2L, "Bob");
        member.getSql()
                .execute("CREATE MAPPING people (__key BIGINT, this VARCHAR) TYPE IMap"
                        + " OPTIONS ('keyFormat'='bigint', 'valueFormat'='varchar')")
                .close();
        client = factory.newHazelcastClient();
    }

    @AfterEach
    void stop() {
        factory.shutdownAll();
    }

    @Test
    void should_print_a_select_as_an_aligned_table() {
        int status = shell(false).run("SELECT __key AS id, this AS name FROM people ORDER BY id;");

        assertThat(status).isZero();
        assertThat(output()).isEqualTo("""
                        id | name
                        ---+-----------------
                        1  | Ann, "the first"
                        2  | Bob
                        (2 rows)
                        """);
    }

    @Test
    void should_print_csv_with_quoting() {
        shell(true).run("SELECT __key, this FROM people ORDER BY __key");

        assertThat(output()).isEqualTo("__key,this\n1,\"Ann, \"\"the first\"\"\"\n2,Bob\n");
    }

    @Test
    void should_refuse_anything_that_writes_and_change_nothing() {
        assertThat(shell(false).run("DELETE FROM people")).isEqualTo(2);
        assertThat(shell(false).run("SELECT 1; DROP MAPPING people")).isEqualTo(2);
        assertThat(shell(false).run("  insert into people values (3, 'Cyd')")).isEqualTo(2);

        assertThat(output()).contains("refused").contains("do not change it");
        assertThat(client.getMap("people").size()).isEqualTo(2);
    }

    @Test
    void should_say_why_a_query_failed() {
        assertThat(shell(false).run("SELECT nope FROM people")).isEqualTo(1);

        assertThat(output()).startsWith("flock sql: ").contains("nope");
    }

    @Test
    void should_run_each_statement_of_the_prompt_until_quit() throws Exception {
        String typed = "SHOW MAPPINGS;\nSELECT COUNT(*)\n  AS n FROM people;\nquit\nSELECT 1;\n";

        shell(false).prompt(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)));

        assertThat(output()).contains("people").contains("n\n-\n2\n(1 row)").doesNotContain("EXPR$0");
    }

    private SqlShell shell(boolean csv) {
        return new SqlShell(client, new PrintStream(printed, true, StandardCharsets.UTF_8), csv);
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
