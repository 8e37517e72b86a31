package flock.mapstores;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where Cassandra is and how Flock's keyspace is laid out. Read from system properties
 * ({@code flock.cassandra.contact-points}) or the environment ({@code FLOCK_CASSANDRA_CONTACT_POINTS}),
 * the property winning; every key has a default that works against {@code ./flock up}.
 *
 * @param contactPoints host:port pairs of Cassandra nodes
 * @param localDatacenter the datacenter the driver prefers (a single local node calls it datacenter1)
 * @param keyspace the keyspace holding every Flock table
 * @param replicationFactor used only when the keyspace is created; 3 in production, 1 on one machine
 * @param username the user to log in as (PasswordAuthenticator); empty when Cassandra asks for no login, as the
 *     local one does ({@code FLOCK_CASSANDRA_USERNAME}, from a Secret in the Helm chart)
 * @param password that user's password ({@code FLOCK_CASSANDRA_PASSWORD})
 */
public record CassandraConfig(
        List<InetSocketAddress> contactPoints,
        String localDatacenter,
        String keyspace,
        int replicationFactor,
        Optional<String> username,
        String password) {

    public CassandraConfig {
        contactPoints = List.copyOf(contactPoints);
        Objects.requireNonNull(localDatacenter, "localDatacenter");
        if (contactPoints.isEmpty()) {
            throw new IllegalArgumentException("at least one Cassandra contact point is needed");
        }
        if (!keyspace.matches("[a-z][a-z0-9_]{0,47}")) {
            throw new IllegalArgumentException("keyspace must be lower-case letters, digits and _: " + keyspace);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replicationFactor must be at least 1");
        }
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** Never the password: a record's default would print it into the logs that show this config. */
    @Override
    public String toString() {
        return "CassandraConfig[contactPoints=" + contactPoints + ", localDatacenter=" + localDatacenter
                + ", keyspace=" + keyspace + ", replicationFactor=" + replicationFactor + ", username="
                + username.orElse("(none)") + "]";
    }

    public static CassandraConfig fromEnvironment() {
        return from(key -> {
            String property = System.getProperty("flock.cassandra." + key);
            if (property != null) {
                return property;
            }
            return System.getenv("FLOCK_CASSANDRA_" + key.toUpperCase().replace('-', '_'));
        });
    }

    public static CassandraConfig fromMap(Map<String, String> values) {
        return from(values::get);
    }

    private static CassandraConfig from(Function<String, String> lookup) {
        return new CassandraConfig(
                parseContactPoints(valueOr(lookup, "contact-points", "127.0.0.1:9042")),
                valueOr(lookup, "local-datacenter", "datacenter1"),
                valueOr(lookup, "keyspace", "flock"),
                Integer.parseInt(valueOr(lookup, "replication-factor", "1")),
                Optional.of(valueOr(lookup, "username", "")).filter(name -> !name.isEmpty()),
                valueOr(lookup, "password", ""));
    }

    private static String valueOr(Function<String, String> lookup, String key, String fallback) {
        String value = lookup.apply(key);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    static List<InetSocketAddress> parseContactPoints(String text) {
        List<InetSocketAddress> points = new ArrayList<>();
        for (String part : text.split(",")) {
            String trimmed = part.strip();
            int colon = trimmed.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("contact point must be host:port, was '" + trimmed + "'");
            }
            points.add(InetSocketAddress.createUnresolved(
                    trimmed.substring(0, colon), Integer.parseInt(trimmed.substring(colon + 1))));
        }
        return points;
    }
}
