package flock.benchmarks;

import com.datastax.oss.driver.api.core.CqlSession;
import com.hazelcast.config.Config;
import com.hazelcast.config.MapStoreConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import flock.domain.MapNames;
import flock.domain.tweet.Tweet;
import flock.mapstores.CassandraConfig;
import flock.mapstores.CassandraSessions;
import flock.mapstores.FlockMapStoreFactory;
import flock.testkit.CassandraServer;
import flock.testkit.ProjectLayout;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How fast a member's write-behind gets tweets into a real Cassandra. One member in this JVM on the project's
 * hazelcast.yaml, with Flock's MapStores over a Cassandra this benchmark starts; a burst of tweets is put as fast as
 * it goes, and the clock runs until none is queued. Twice, alternating: the MapStores as shipped (statements to the same
 * replicas grouped into small unlogged batches, {@code flock-cassandra.conf}) and with every statement sent alone (the
 * groups' size set to 1 for that session). The tweets map coalesces as the YAML has it, so Hazelcast hands the MapStore
 * batches of up to 100. Reports tweets stored a second and the CPU per tweet of this JVM and of Cassandra.
 *
 * <p>Usage: {@code WriteBehindBench [tweets] [rounds]} ({@code ./flock bench --write-behind}).
 */
public final class WriteBehindBench {
    private WriteBehindBench() {}

    /** One drain: how long the queue took to empty, and the CPU spent meanwhile, per tweet. */
    record Drain(boolean grouped, int tweets, Duration took, double memberMicros, double cassandraMicros) {
        double perSecond() {
            return tweets / (took.toNanos() / 1e9);
        }
    }

    public static void main(String[] args) throws Exception {
        int tweets = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        BenchRun.deleteRecursively(ProjectLayout.scratch("write-behind-cassandra"));
        Path dir = ProjectLayout.scratch("write-behind-cassandra"); // made again, empty
        try (CassandraServer cassandra = ChildProcesses.closeOnExit(CassandraServer.start(dir))) {
            long cassandraPid = Long.parseLong(
                    Files.readString(dir.resolve("cassandra.pid")).strip());
            System.out.printf(
                    "write-behind of %,d tweets into Cassandra, %d rounds each, alternating:%n", tweets, rounds);
            for (int round = 1; round <= rounds; round++) {
                for (boolean grouped : new boolean[] {true, false}) {
                    Drain drain = drain(cassandra, cassandraPid, grouped, tweets, "wb_" + round + "_" + grouped);
                    System.out.printf(
                            "  round %d, %-15s %,8.0f tweets/s stored (%,6d ms); CPU per tweet: member %,5.0f µs,"
                                    + " Cassandra %,5.0f µs%n",
                            round,
                            grouped ? "grouped:" : "one a request:",
                            drain.perSecond(),
                            drain.took().toMillis(),
                            drain.memberMicros(),
                            drain.cassandraMicros());
                }
            }
        }
    }

    /** A member of its own (and a keyspace of its own) for one drain. */
    static Drain drain(CassandraServer cassandra, long cassandraPid, boolean grouped, int count, String keyspace)
            throws IOException, InterruptedException {
        CassandraConfig config =
                CassandraConfig.fromMap(Map.of("contact-points", cassandra.contactPoint(), "keyspace", keyspace));
        CqlSession session = grouped
                ? CassandraSessions.open(config, Duration.ofMinutes(2))
                : CassandraSessions.openSendingStatementsAlone(config, Duration.ofMinutes(2));
        HazelcastInstance member = Hazelcast.newHazelcastInstance(memberConfig(session, keyspace));
        try {
            IMap<Long, Tweet> map = member.getMap(MapNames.TWEETS);
            long cpuBefore = processCpuNanos();
            long cassandraBefore = cpuNanos(cassandraPid);
            long started = System.nanoTime();
            for (long id = 1; id <= count; id++) {
                map.set(
                        id,
                        new Tweet(id, id % 1_000, "write-behind tweet " + id, System.currentTimeMillis(), new long[0]));
            }
            while (map.getLocalMapStats().getDirtyEntryCount() > 0) {
                Thread.sleep(20);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            return new Drain(
                    grouped,
                    count,
                    took,
                    (processCpuNanos() - cpuBefore) / 1e3 / count,
                    (cpuNanos(cassandraPid) - cassandraBefore) / 1e3 / count);
        } finally {
            member.shutdown();
            session.close();
        }
    }

    private static Config memberConfig(CqlSession session, String cluster) throws IOException {
        Config config = InJvmMembers.config(cluster, 15_951);
        config.getJetConfig().setEnabled(false);
        FlockMapStoreFactory factory = new FlockMapStoreFactory(session);
        config.getMapConfigs().values().forEach(map -> {
            MapStoreConfig store = map.getMapStoreConfig();
            if (store.isEnabled()) {
                store.setFactoryImplementation(factory);
            }
        });
        return config;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long cpuNanos(long pid) {
        return ProcessHandle.of(pid)
                .flatMap(process -> process.info().totalCpuDuration())
                .map(Duration::toNanos)
                .orElse(0L);
    }
}
