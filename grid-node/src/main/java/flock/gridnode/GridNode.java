package flock.gridnode;

import com.datastax.oss.driver.api.core.CqlSession;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import flock.mapstores.CassandraConfig;
import flock.mapstores.CassandraSessions;
import flock.pipelines.FanOutPipeline;
import flock.pipelines.FollowBackfillPipeline;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Flock grid member: the composition root of a member JVM. It opens Cassandra (creating the schema),
 * starts the Hazelcast member with Flock's MapStores, makes sure the fan-out and backfill jobs run, and on SIGTERM
 * flushes the write-behind queues before leaving the cluster gracefully, so a planned shutdown or a
 * scale-down loses nothing.
 */
public final class GridNode {
    private static final Logger LOG = LoggerFactory.getLogger(GridNode.class);

    /** How long a member waits for Cassandra at start before giving up with a clear message. */
    private static final Duration CASSANDRA_PATIENCE = Duration.ofMinutes(3);

    private GridNode() {}

    public static void main(String[] args) {
        MemberSettings settings = MemberSettings.fromEnvironment();
        Config config = MemberConfig.load(settings);
        CqlSession session = null;
        if (settings.cassandraEnabled()) {
            CassandraConfig cassandra = CassandraConfig.fromEnvironment();
            LOG.info("Connecting to Cassandra at {} (keyspace {})", cassandra.contactPoints(), cassandra.keyspace());
            session = CassandraSessions.open(cassandra, CASSANDRA_PATIENCE);
            MemberConfig.installMapStores(config, session);
        } else {
            LOG.warn("Cassandra is disabled: this member keeps data in memory only");
            MemberConfig.disableMapStores(config);
        }
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
        WriteBehindBound.register(member);
        if (session != null) {
            member.getCluster().addMembershipListener(new KeyLoadRecovery(member, MemberConfig.READ_THROUGH_MAPS));
        }
        SqlMappings.create(member);
        new IdleFeedEviction(member, settings.idleEviction()).schedule();
        MediaCleanup.schedule(member, MemberSettings.ENVIRONMENT);
        if (settings.metricsPort() > 0) {
            String host = settings.bindInterface().isEmpty() ? "127.0.0.1" : settings.bindInterface();
            MemberMetrics.serve(member, host, settings.metricsPort());
            LOG.info("Member metrics on http://{}:{}/metrics", host, settings.metricsPort());
        }
        CqlSession openedSession = session;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> leave(member, openedSession), "flock-shutdown"));
        FanOutPipeline.submitIfAbsent(member.getJet(), settings.snapshotInterval());
        FollowBackfillPipeline.submitIfAbsent(member.getJet(), settings.snapshotInterval());
        new JobWatchdog(member).schedule(Duration.ofSeconds(5));
        LOG.info(
                "Flock grid member ready: {} in cluster '{}' of {} member(s)",
                member.getCluster().getLocalMember().getAddress(),
                config.getClusterName(),
                member.getCluster().getMembers().size());
    }

    /** Flushes what this member still holds for Cassandra, then migrates its partitions away. */
    private static void leave(HazelcastInstance member, CqlSession session) {
        try {
            if (session != null && member.getLifecycleService().isRunning()) {
                for (String map : MemberConfig.PERSISTED_MAPS) {
                    member.getMap(map).flush();
                }
                LOG.info("Write-behind queues flushed to Cassandra");
            }
        } catch (RuntimeException e) {
            LOG.error("Flushing write-behind queues failed; backups on other members still hold them", e);
        } finally {
            member.shutdown();
            if (session != null) {
                session.close();
            }
        }
    }
}
