package flock.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the project's launch scripts under infra/ ({@code cassandra/cassandra.sh},
 * {@code redis/redis.sh}): the same scripts {@code ./flock} uses, so tests and benchmarks start servers
 * exactly as a user does. Every script takes a command and {@code --dir}, where it keeps its PID and logs.
 */
public final class InfraScript {
    private final String script;
    private final Path dir;

    /** @param script the script's path under infra/, e.g. "redis/redis.sh" */
    public InfraScript(String script, Path dir) {
        this.script = script;
        this.dir = dir;
    }

    /** Runs a command and waits for it; its output goes to {@code script.log} in the directory. */
    public void run(String command, String... options) {
        Path path = ProjectLayout.root().resolve("infra").resolve(script);
        List<String> line = new ArrayList<>(List.of(path.toString(), command, "--dir", dir.toString()));
        line.addAll(List.of(options));
        Path log = dir.resolve("script.log");
        try {
            Process process = new ProcessBuilder(line)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(
                        script + " " + command + " failed; see " + log + " and the logs in " + dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
