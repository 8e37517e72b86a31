package flock.testkit;

import java.nio.file.Path;

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
        CassandraServer server = new CassandraServer(dir, FreePorts.nextPair());
        server.startAgain();
        return server;
    }

    /** Starts the server again after {@link #close()}, on the same ports and data: the end of an outage. */
    public void startAgain() {
        run("start", "--port", String.valueOf(port), "--storage-port", String.valueOf(port + 1));
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
        new InfraScript("cassandra/cassandra.sh", dir).run(command, options);
    }
}
