package flock.benchmarks.micro;

import flock.testkit.ProjectLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code ./flock bench --micro}: the JMH micro-benchmarks of the hot paths (timeline insert and trim, the
 * fan-out call on one feed, page merge, serializers), one fork each with short iterations, written to
 * {@code benchmarks/results/DATE-micro.md}. For a careful run use JMH's own options on this class path.
 */
public final class MicroRun {
    private MicroRun() {}

    public static void main(String[] args) throws RunnerException, IOException {
        run();
    }

    /** Runs every micro-benchmark; answers the report written. */
    public static Path run() throws RunnerException, IOException {
        Options options = new OptionsBuilder()
                .include(MicroRun.class.getPackageName() + "\\..*Bench")
                .forks(1)
                .warmupIterations(2)
                .warmupTime(TimeValue.milliseconds(500)) // half a second each: the whole bench keeps to 20 minutes
                .measurementIterations(3)
                .measurementTime(TimeValue.milliseconds(500))
                .timeUnit(TimeUnit.NANOSECONDS)
                // The forks get the options the project's JVMs run with (Hazelcast's module opens among them).
                .jvmArgsAppend(ProjectLayout.hazelcastJvmOptions())
                .build();
        Collection<RunResult> results = new Runner(options).run();
        List<String> md = new ArrayList<>();
        md.add("# Flock micro-benchmarks, " + LocalDate.now());
        md.add("");
        md.add("- Command: `./flock bench --micro` (JMH 1.37, 1 fork, 2 x 0.5 s warm-up, 3 x 0.5 s measured), Java "
                + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors()
                + " cores; average time per call, with JMH's 99.9% confidence half-width");
        md.add("");
        md.add("| benchmark | parameters | ns per call | +- |");
        md.add("|---|---|---:|---:|");
        for (RunResult result : results) {
            var params = result.getParams();
            String name = params.getBenchmark().replace(MicroRun.class.getPackageName() + ".", "");
            List<String> set = new ArrayList<>();
            for (String key : params.getParamsKeys()) {
                set.add(key + "=" + params.getParam(key));
            }
            var score = result.getPrimaryResult();
            md.add(String.format(
                    "| %s | %s | %,.1f | %,.1f |",
                    name, String.join(", ", set), score.getScore(), score.getScoreError()));
        }
        Path file = ProjectLayout.root().resolve("benchmarks/results/" + LocalDate.now() + "-micro.md");
        Files.write(file, md);
        System.out.println("Report: " + file);
        return file;
    }
}
