package flock.gridnode;

import com.datastax.oss.driver.api.core.CqlSession;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import flock.mapstores.CassandraConfig;
import flock.mapstores.CassandraSessions;
import flock.pipelines.FanOutPipeline;
import flock.pipelines.FollowBackfillPipeline;
import flock.pipelines.NotifyPipeline;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
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

    /** How long a SIGTERM that arrives during the join waits for it before the JVM exits anyway. */
    private static final Duration JOIN_PATIENCE = Duration.ofMinutes(2);

    /**
     * Set by the shutdown hook before it flushes: the rest of a start still running then gives up at its next step,
     * instead of submitting jobs and announcing a member that is leaving (the flush takes seconds on a busy machine).
     */
    private static final AtomicBoolean STOPPING = new AtomicBoolean();

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
        // The hook is in place before the member joins: from the moment it holds partitions, a SIGTERM must make it
        // flush and hand them over. Installed after the rest of the start (SQL mappings take seconds on a busy
        // machine), a member told to stop in between left like a crash: its backups keep a queued write for 10 s
        // only, so whatever it had not stored by then never reached Cassandra (ElasticScalingIT lost 5 tweets so).
        CompletableFuture<HazelcastInstance> joined = new CompletableFuture<>();
        CqlSession openedSession = session;
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            STOPPING.set(true);
                            leave(joined, openedSession);
                        },
                        "flock-shutdown"));
        HazelcastInstance member;
        try {
            member = Hazelcast.newHazelcastInstance(config);
        } catch (RuntimeException e) {
            joined.completeExceptionally(e);
            throw e;
        }
        joined.complete(member);
        try {
            finishStart(member, settings, session);
        } catch (RuntimeException e) {
            if (member.getLifecycleService().isRunning() && !STOPPING.get()) {
                throw e;
            }
            LOG.info("Stopped while starting: the member left before its start was finished ({})", e.toString());
            return;
        }
        if (STOPPING.get()) {
            LOG.info("Stopped while starting: the member is leaving before its start was finished");
            return;
        }
        LOG.info(
                "Flock grid member ready: {} in cluster '{}' of {} member(s)",
                member.getCluster().getLocalMember().getAddress(),
                config.getClusterName(),
                member.getCluster().getMembers().size());
    }

    /** What a member sets up once it is in the cluster: safeguards, SQL mappings, housekeeping, metrics, jobs. */
    private static void finishStart(HazelcastInstance member, MemberSettings settings, CqlSession session) {
        WriteBehindBound.register(member, settings.maxQueuedTweets());
        if (session != null) {
            member.getCluster().addMembershipListener(new KeyLoadRecovery(member, MemberConfig.READ_THROUGH_MAPS));
        }
        SqlMappings.create(member);
        unlessStopping();
        new IdleFeedEviction(member, settings.idleEviction()).schedule();
        MediaCleanup.schedule(member, MemberSettings.ENVIRONMENT);
        if (settings.metricsPort() > 0) {
            String host = settings.bindInterface().isEmpty() ? "127.0.0.1" : settings.bindInterface();
            MemberMetrics.serve(member, host, settings.metricsPort());
            LOG.info("Member metrics on http://{}:{}/metrics", host, settings.metricsPort());
        }
        unlessStopping();
        FanOutPipeline.submitIfAbsent(member.getJet(), settings.snapshotInterval());
        FollowBackfillPipeline.submitIfAbsent(member.getJet(), settings.snapshotInterval());
        NotifyPipeline.submitIfAbsent(member.getJet(), settings.snapshotInterval());
        new JobWatchdog(member).schedule(Duration.ofSeconds(5));
    }

    private static void unlessStopping() {
        if (STOPPING.get()) {
            throw new IllegalStateException("the member is stopping");
        }
    }

    /**
     * Flushes what this member still holds for Cassandra, then migrates its partitions away. A SIGTERM that comes while
     * the member is still joining waits for the join, so that whatever it was given on joining is handed on too.
     */
    private static void leave(CompletableFuture<HazelcastInstance> joined, CqlSession session) {
        HazelcastInstance member;
        try {
            member = joined.get(JOIN_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            closeQuietly(session); // it never joined: nothing of the cluster's is here
            return;
        } catch (InterruptedException | TimeoutException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.error("Stopped while still joining the cluster after {}; leaving without a flush", JOIN_PATIENCE);
            closeQuietly(session);
            return;
        }
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
            closeQuietly(session);
        }
    }

    private static void closeQuietly(CqlSession session) {
        if (session != null) {
            session.close();
        }
    }
}
