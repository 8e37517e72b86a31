package flock.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/sql.md shows each example query as the code runs it, so a changed query cannot leave a stale example behind. */
class SqlGuideTest {
    /** Surefire runs a module's tests in the module's folder; the guide is the project's. */
    private static final Path GUIDE = Path.of("..", "docs", "sql.md");

    @Test
    void should_show_every_example_query_as_the_shell_runs_it() throws IOException {
        String guide = Files.readString(GUIDE);

        for (ExampleQueries.Example example : ExampleQueries.ALL) {
            assertThat(guide)
                    .as("docs/sql.md's SQL of example %s", example.name())
                    .contains("```sql\n" + example.sql() + ";\n```")
                    .contains("$ ./flock sql --example " + example.name() + "\n");
        }
    }
}
