package flock.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Cassandra 5.0 process for integration tests, started through the same script that
 * {@code ./flock up} uses, on free ports, with its data under the module's target/. One per test JVM
 * ({@link #shared()}), stopped by a shutdown hook.
 */
public final class CassandraServer implements AutoCloseable {
    private static CassandraServer shared;

    private final Path dir;
    private final int port;

    private CassandraServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static synchronized CassandraServer shared() {
        if (shared == null) {
            shared = start(ProjectLayout.scratch("cassandra"));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "stop-cassandra"));
        }
        return shared;
    }

    public static CassandraServer start(Path dir) {
        int port = FreePorts.nextPair();
        CassandraServer server = new CassandraServer(dir, port);
        server.run("start", "--port", String.valueOf(port), "--storage-port", String.valueOf(port + 1));
        return server;
    }

    /** host:port for the driver and for {@code FLOCK_CASSANDRA_CONTACT_POINTS}. */
    public String contactPoint() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        run("stop");
    }

    private void run(String command, String... options) {
        Path script = ProjectLayout.root().resolve("infra/cassandra/cassandra.sh");
        List<String> line = new java.util.ArrayList<>(List.of(script.toString(), command, "--dir", dir.toString()));
        line.addAll(List.of(options));
        try {
            Process process = new ProcessBuilder(line)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("script.log").toFile())
                    .start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("cassandra.sh " + command + " failed; see " + dir.resolve("script.log")
                        + " and " + dir.resolve("cassandra.out"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
