package flock.benchmarks;

import flock.testkit.FreePorts;
import flock.testkit.InfraScript;
import java.nio.file.Path;

/** A real Redis server for the baseline, started and stopped through infra/redis/redis.sh. */
public final class RedisServer implements AutoCloseable {
    private final Path dir;
    private final int port;

    private RedisServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static RedisServer start(Path dir) {
        RedisServer server = new RedisServer(dir, FreePorts.next());
        server.run("start", "--port", String.valueOf(server.port));
        return server;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        run("stop");
    }

    private void run(String command, String... options) {
        new InfraScript("redis/redis.sh", dir).run(command, options);
    }
}
