package flock.testkit;

import java.nio.file.Path;
import java.util.Map;

/**
 * A real S3-compatible server (S3Proxy, with real signature checks) for integration tests, started through the same
 * script that {@code ./flock up} uses, on a free port, with its objects under the module's target/. One per test JVM
 * ({@link #shared()}) unless a test needs its own (one that stops it, to see the store down).
 */
public final class S3Server implements AutoCloseable {
    public static final String ACCESS_KEY = "flock-test";
    public static final String SECRET_KEY = "flock-test-secret";

    private static S3Server shared;

    private final Path dir;
    private final int port;

    private S3Server(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static synchronized S3Server shared() {
        if (shared == null) {
            shared = start(ProjectLayout.scratch("s3"));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "stop-s3"));
        }
        return shared;
    }

    public static S3Server start(Path dir) {
        S3Server server = new S3Server(dir, FreePorts.next());
        server.startAgain();
        return server;
    }

    /** Starts the server again after {@link #close()}, on the same port and objects: the end of an outage. */
    public void startAgain() {
        new InfraScript("s3/s3.sh", dir)
                .run("start", "--port", String.valueOf(port), "--access-key", ACCESS_KEY, "--secret-key", SECRET_KEY);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** The API node's settings that point it at this server ({@code flock.media.*}). */
    public Map<String, String> apiProperties() {
        return Map.of(
                "flock.media.endpoint", endpoint(),
                "flock.media.access-key", ACCESS_KEY,
                "flock.media.secret-key", SECRET_KEY);
    }

    @Override
    public void close() {
        new InfraScript("s3/s3.sh", dir).run("stop");
    }
}
