package flock.benchmarks;

import flock.testkit.FreePorts;
import flock.testkit.ProjectLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real Redis server for the baseline, started and stopped through infra/redis/redis.sh. */
final class RedisServer implements AutoCloseable {
    private final Path dir;
    private final int port;

    private RedisServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static RedisServer start(Path dir) {
        RedisServer server = new RedisServer(dir, FreePorts.next());
        server.run("start", "--port", String.valueOf(server.port));
        return server;
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        run("stop");
    }

    private void run(String command, String... options) {
        Path script = ProjectLayout.root().resolve("infra/redis/redis.sh");
        List<String> line = new java.util.ArrayList<>(List.of(script.toString(), command, "--dir", dir.toString()));
        line.addAll(List.of(options));
        try {
            Process process = new ProcessBuilder(line).inheritIO().start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("redis.sh " + command + " failed; see " + dir.resolve("redis.out"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
