package flock.mapstores;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.hazelcast.logging.ILogger;
import com.hazelcast.logging.Logger;
import java.time.Duration;

/**
 * Opens the one driver session a member shares between all its MapStores. A member may start before
 * Cassandra accepts connections (both are started together by {@code ./flock up} and by Kubernetes),
 * so opening retries until a deadline and says what it is waiting for.
 */
public final class CassandraSessions {
    private static final ILogger LOG = Logger.getLogger(CassandraSessions.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

    private CassandraSessions() {}

    /** Opens a session, creates the schema if needed, and answers a session bound to the keyspace. */
    public static CqlSession open(CassandraConfig config, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        RuntimeException last = null;
        int attempt = 0;
        while (System.nanoTime() < deadline) {
            attempt++;
            try (CqlSession bootstrap = builder(config).build()) {
                bootstrap.setSchemaMetadataEnabled(false); // see Schema.create: 46 s of DDL become 2.5 s
                Schema.create(bootstrap, config);
                return builder(config).withKeyspace(config.keyspace()).build();
            } catch (RuntimeException e) {
                last = e;
                LOG.warning("Cassandra at " + config.contactPoints() + " not ready (attempt " + attempt + "): "
                        + e.getMessage() + "; retrying in " + RETRY_PAUSE.toSeconds() + " s");
                sleep();
            }
        }
        throw new IllegalStateException(
                "Cassandra at " + config.contactPoints() + " did not answer within " + patience, last);
    }

    /**
     * The same, but sending every write-behind statement alone instead of grouped with others to the same replicas
     * ({@link StatementGroups}): for what compares the two, or needs one request a statement. The driver reads system
     * properties over {@code flock-cassandra.conf} when a session is built, so the setting holds while this one opens.
     */
    public static CqlSession openSendingStatementsAlone(CassandraConfig config, Duration patience) {
        String groupSize = "datastax-java-driver." + StatementGroups.MAX_STATEMENTS_PATH;
        System.setProperty(groupSize, "1");
        try {
            return open(config, patience);
        } finally {
            System.clearProperty(groupSize);
        }
    }

    private static com.datastax.oss.driver.api.core.CqlSessionBuilder builder(CassandraConfig config) {
        var builder = CqlSession.builder()
                .withConfigLoader(DriverConfigLoader.fromClasspath("flock-cassandra"))
                .addContactPoints(config.contactPoints())
                .withLocalDatacenter(config.localDatacenter());
        config.username().ifPresent(user -> builder.withAuthCredentials(user, config.password()));
        return builder;
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis()); // a pause between connection attempts, not a test wait
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Cassandra", e);
        }
    }
}
