package flock.gridnode;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.ReplicaMigrationEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Partition migrations as an operator watches them while members come and go: whether the cluster is safe (no
 * migration running, every backup in sync), how long each migration process took, and how many replica moves
 * succeeded or failed. Hazelcast reports migration processes on the master member; every member publishes its own
 * view, and a dashboard sums them.
 */
final class MigrationMetrics implements MigrationListener {
    private final Timer processes;
    private final Counter replicasMoved;
    private final Counter replicasFailed;
    private final AtomicInteger running = new AtomicInteger();

    private MigrationMetrics(MeterRegistry registry) {
        processes = Timer.builder("flock.migration.process")
                .description("Migration processes this member ran as master (a member joined or left), and their time")
                .register(registry);
        replicasMoved = Counter.builder("flock.migration.replicas")
                .description("Partition replicas moved between members")
                .tag("result", "moved")
                .register(registry);
        replicasFailed = Counter.builder("flock.migration.replicas")
                .description("Partition replicas moved between members")
                .tag("result", "failed")
                .register(registry);
        Gauge.builder("flock.migration.running", running, AtomicInteger::get)
                .description("1 while this member runs a migration process")
                .register(registry);
    }

    static void bind(HazelcastInstance member, MeterRegistry registry) {
        member.getPartitionService().addMigrationListener(new MigrationMetrics(registry));
        Gauge.builder("flock.cluster.safe", member, m -> m.getPartitionService().isClusterSafe() ? 1 : 0)
                .description("1 when no migration runs and every partition's backups are in sync")
                .register(registry);
    }

    @Override
    public void migrationStarted(MigrationState state) {
        running.set(1);
    }

    @Override
    public void migrationFinished(MigrationState state) {
        running.set(0);
        processes.record(Duration.ofMillis(state.getTotalElapsedTime()));
    }

    @Override
    public void replicaMigrationCompleted(ReplicaMigrationEvent event) {
        replicasMoved.increment();
    }

    @Override
    public void replicaMigrationFailed(ReplicaMigrationEvent event) {
        replicasFailed.increment();
    }
}
