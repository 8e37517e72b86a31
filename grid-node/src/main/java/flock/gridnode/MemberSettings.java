package flock.gridnode;

import flock.pipelines.FanOutPipeline;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The few settings the launcher and Kubernetes give each member, on top of {@code hazelcast.yaml}.
 * Each is read from a system property ({@code flock.member.port}) or else the environment
 * ({@code FLOCK_MEMBER_PORT}); when neither is set the YAML's value stands.
 *
 * @param configFile a hazelcast.yaml to read instead of the packaged one, or empty
 * @param clusterName overrides the YAML cluster name, or empty
 * @param port the member port, or 0 to keep the YAML's
 * @param members host:port of members to join (TCP/IP discovery), or empty to keep the YAML's
 * @param bindInterface the interface to listen on, or empty to keep the YAML's
 * @param cassandraEnabled false only for a member started without persistence (demos of the grid alone)
 * @param idleEviction how long a home feed may go unread before it is evicted ({@code flock.feed.idle-eviction},
 *     ISO-8601, 7 days by default); it is rebuilt on its owner's next read
 * @param metricsPort the HTTP port serving {@code /metrics} in Prometheus form on the member's interface,
 *     or 0 for none
 * @param snapshotInterval how often the Jet jobs snapshot ({@code flock.jobs.snapshot-interval}, ISO-8601): the most
 *     journal a member failure makes them read again, and a cost paid whether or not anything happens
 * @param maxQueuedTweets how many tweets not yet in Cassandra this member's partitions may hold before new tweets are
 *     refused with 503 ({@code flock.write-behind.max-queued-tweets}, 50,000 by default: a few minutes of a member's
 *     share of posts, about 25 MB of heap, as much again in backups on the other members)
 * @param cooperativeThreads the threads that run the Jet jobs' work ({@code flock.jobs.cooperative-threads}); by
 *     default half the member's cores, at least one. Hazelcast's default, one per core, let the jobs' threads, which
 *     spin while work keeps arriving, take the cores from the partition threads that serve every request and apply
 *     the fan-out's writes: on two cores, that halved the DeathStarBench mix's closed-loop throughput
 *     (docs/benchmarks.md)
 */
public record MemberSettings(
        String configFile,
        String clusterName,
        int port,
        List<String> members,
        String bindInterface,
        boolean cassandraEnabled,
        Duration idleEviction,
        int metricsPort,
        Duration snapshotInterval,
        long maxQueuedTweets,
        int cooperativeThreads) {
    static final Duration DEFAULT_IDLE_EVICTION = Duration.ofDays(7);
    static final long DEFAULT_MAX_QUEUED_TWEETS = 50_000;

    /** Half the cores this JVM may use, at least one. */
    static int defaultCooperativeThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    public MemberSettings {
        members = List.copyOf(members);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("member port must be 0..65535, was " + port);
        }
        if (metricsPort < 0 || metricsPort > 65_535) {
            throw new IllegalArgumentException("flock.metrics.port must be 0..65535, was " + metricsPort);
        }
        if (snapshotInterval.toMillis() < 100 || snapshotInterval.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException(
                    "flock.jobs.snapshot-interval must be from PT0.1S to PT5M, was " + snapshotInterval);
        }
        if (cooperativeThreads < 1) {
            throw new IllegalArgumentException(
                    "flock.jobs.cooperative-threads must be at least 1, was " + cooperativeThreads);
        }
        if (maxQueuedTweets < 1) {
            throw new IllegalArgumentException(
                    "flock.write-behind.max-queued-tweets must be at least 1, was " + maxQueuedTweets);
        }
        if (idleEviction.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("flock.feed.idle-eviction must be at least PT1S, was " + idleEviction);
        }
    }

    /** The settings of this process: system properties (flock.member.port) over the environment (FLOCK_MEMBER_PORT). */
    public static MemberSettings fromEnvironment() {
        return from(ENVIRONMENT);
    }

    /** A setting of this process by its key under {@code flock.}: the system property, else the environment's. */
    static final Function<String, String> ENVIRONMENT = key -> {
        String property = System.getProperty("flock." + key);
        return property != null
                ? property
                : System.getenv("FLOCK_" + key.toUpperCase().replace('.', '_').replace('-', '_'));
    };

    static MemberSettings from(Function<String, String> lookup) {
        return new MemberSettings(
                value(lookup, "hazelcast-config"),
                value(lookup, "cluster-name"),
                port(lookup, "member.port"),
                Arrays.stream(value(lookup, "members").split(","))
                        .map(String::strip)
                        .filter(member -> !member.isEmpty())
                        .toList(),
                value(lookup, "member.interface"),
                !"false".equalsIgnoreCase(value(lookup, "cassandra.enabled")),
                duration(lookup, "feed.idle-eviction", DEFAULT_IDLE_EVICTION),
                port(lookup, "metrics.port"),
                duration(lookup, "jobs.snapshot-interval", FanOutPipeline.SNAPSHOT_INTERVAL),
                count(lookup, "write-behind.max-queued-tweets", DEFAULT_MAX_QUEUED_TWEETS),
                (int) Math.min(
                        Integer.MAX_VALUE, count(lookup, "jobs.cooperative-threads", defaultCooperativeThreads())));
    }

    private static long count(Function<String, String> lookup, String key, long fallback) {
        String text = value(lookup, key);
        try {
            return text.isEmpty() ? fallback : Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("flock." + key + ": expected a whole number, was '" + text + "'", e);
        }
    }

    private static int port(Function<String, String> lookup, String key) {
        String text = value(lookup, key);
        try {
            return text.isEmpty() ? 0 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("flock." + key + ": expected a port number, was '" + text + "'", e);
        }
    }

    /** An ISO-8601 duration setting, or the fallback when it is not set; a malformed one names its key. */
    static Duration duration(Function<String, String> lookup, String key, Duration fallback) {
        String text = value(lookup, key);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return Duration.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "flock." + key + ": expected an ISO-8601 duration such as P7D or PT30M, was '" + text + "'", e);
        }
    }

    private static String value(Function<String, String> lookup, String key) {
        String value = lookup.apply(key);
        return value == null ? "" : value.strip();
    }
}
