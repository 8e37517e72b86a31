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

    @Test
    void should_add_the_later_stages_targets_at_the_end_of_the_targets_list() {
        List<String> report = List.of(
                "# Run",
                "",
                "## Setting",
                "",
                "- machine",
                "",
                "## Targets",
                "",
                "- first: **met**",
                "- second",
                "",
                "## home pages only");

        List<String> judged = AllRun.withTargets(report, List.of("fan-out: **not met**"));

        assertThat(judged).hasSize(report.size() + 1);
        assertThat(judged.subList(8, 13))
                .as("after the list's last line, before the blank line that ends it")
                .containsExactly("- first: **met**", "- second", "- fan-out: **not met**", "", "## home pages only");
        assertThat(AllRun.withTargets(List.of("# Run", "- a"), List.of("x")))
                .as("no targets section: unchanged")
                .containsExactly("# Run", "- a");
    }

    @Test
    void should_set_this_runs_grid_operations_beside_those_before_the_speed_work() {
        List<String> section =
                AllRun.operationsSection(new GridOperationsBench.Counts(50, 30.54, 0.2, 6.04, 0.04, 6.96));

        assertThat(section).first().isEqualTo("## Grid operations (the same run)");
        assertThat(section)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("| one post of an author with 20 followers")
                        .endsWith("| 52-54 | 30.5 |"))
                .anySatisfy(line ->
                        assertThat(line).startsWith("| one home page of 20").endsWith("| 1.1 | 0.2 |"))
                .anySatisfy(line -> assertThat(line).startsWith("| one like").endsWith("| - | 6.0 |"))
                .anySatisfy(line ->
                        assertThat(line).startsWith("| one profile page of 20").endsWith("| - | 0.0 |"))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("| one home page of 20 to a reader the API node has not seen")
                        .endsWith("| - | 7.0 |"));
    }

    @Test
    void should_judge_the_headline_targets_and_the_length_together_naming_what_missed() {
        List<String> report = List.of(
                "## Targets",
                "",
                "- Home-timeline reads at >= 50% of the ceiling: Flock / ceiling = 0.47 at max rate: **not met**",
                "- CPU per post, all processes, net of idle (posts only, closed loop): 865 µs: **met**",
                "- home pages only: Flock / Redis design = 5.04 at equal p99 bound: **met**",
                "- DeathStarBench 60/30/10: Flock / Redis design = 1.08 at equal p99 bound: **met**",
                "- DeathStarBench 60/30/10: Flock / pull on read = 3.3 at equal p99 bound: **not met**",
                "- read-heavy 100 reads/post: Flock / Redis design = 1.31 at equal p99 bound: **met**");

        assertThat(AllRun.headlineTarget(report, 20.9))
                .isEqualTo("The first four targets above and the run's length, together in this one run: 3 of 5 met"
                        + " (not: home pages; the run's length (20.9 minutes)): **not met**");
        List<String> allMet = report.stream()
                .map(line -> line.replace("**not met**", "**met**"))
                .toList();
        assertThat(AllRun.headlineTarget(allMet, 19.5))
                .isEqualTo("The first four targets above and the run's length, together in this one run: 5 of 5 met:"
                        + " **met**");
        assertThat(AllRun.headlineTarget(List.of("## Targets"), 19.5))
                .as("a target the report does not judge is not met")
                .endsWith("1 of 5 met (not: home pages; CPU per post; DeathStarBench; read-heavy): **not met**");
    }

    @Test
    void should_judge_the_whole_runs_length_against_twenty_minutes() {
        assertThat(AllRun.durationTarget(19.54))
                .isEqualTo("Whole `./flock bench`, all stages: 19.5 minutes (target <= 20): **met**");
        assertThat(AllRun.durationTarget(20.4)).endsWith("(target <= 20): **not met**");
    }
}
