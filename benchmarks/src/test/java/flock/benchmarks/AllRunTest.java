package flock.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllRunTest {

    @Test
    void should_copy_every_table_of_a_stage_report_and_nothing_else(@TempDir Path dir) throws Exception {
        Path stage = dir.resolve("stage.md");
        Files.write(
                stage,
                List.of(
                        "# Stage",
                        "",
                        "- a setting line",
                        "| users | heap |",
                        "|---:|---:|",
                        "| 10,000 | 57 MB |",
                        "",
                        "![plot](stage.png)",
                        "| benchmark | ns |",
                        "|---|---:|",
                        "| merge | 191 |"));

        assertThat(AllRun.tables(stage))
                .containsExactly(
                        "| users | heap |",
                        "|---:|---:|",
                        "| 10,000 | 57 MB |",
                        "",
                        "| benchmark | ns |",
                        "|---|---:|",
                        "| merge | 191 |",
                        "");
    }
}
