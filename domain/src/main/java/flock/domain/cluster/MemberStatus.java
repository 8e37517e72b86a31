package flock.domain.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import com.hazelcast.partition.Partition;
import flock.domain.MapNames;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Asks one member what only a member knows, for the admin view of the API node: its partitions, whether they and
 * the cluster are safe (no migration running, every backup in sync), the cluster's state, its heap, and the entries
 * it holds per map. Sent to every member through the grid's executor.
 */
public final class MemberStatus implements Callable<MemberStatus.Report>, HazelcastInstanceAware {
    /** The maps whose entries the report counts, in this order. */
    public static final List<String> MAPS = List.of(
            MapNames.USERS,
            MapNames.FOLLOWING,
            MapNames.FOLLOWERS,
            MapNames.FOLLOWER_CHUNKS,
            MapNames.TWEETS,
            MapNames.USER_TIMELINES,
            MapNames.HOME_TIMELINES,
            MapNames.PULL_ACCOUNTS,
            MapNames.MEDIA,
            MapNames.RATE_LIMITS,
            MapNames.LIKES,
            MapNames.LIKERS,
            MapNames.REPLIES,
            MapNames.QUOTES,
            MapNames.REPOSTS,
            MapNames.REPOSTED,
            MapNames.TWEET_STATS);

    private transient HazelcastInstance member;

    @Override
    public void setHazelcastInstance(HazelcastInstance member) {
        this.member = member;
    }

    @Override
    public Report call() {
        int owned = 0;
        for (Partition partition : member.getPartitionService().getPartitions()) {
            if (partition.getOwner() != null && partition.getOwner().localMember()) {
                owned++;
            }
        }
        long[] entries = new long[MAPS.size()];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = member.getMap(MAPS.get(i)).getLocalMapStats().getOwnedEntryCount();
        }
        Runtime runtime = Runtime.getRuntime();
        return new Report(
                member.getCluster().getLocalMember().getAddress().toString(),
                member.getCluster().getLocalMember().getUuid().toString(),
                member.getCluster().getClusterState().name(),
                owned,
                member.getPartitionService().isLocalMemberSafe(),
                member.getPartitionService().isClusterSafe(),
                runtime.totalMemory() - runtime.freeMemory(),
                runtime.maxMemory(),
                entries);
    }

    /**
     * One member's answer.
     *
     * @param entries owned entries per map of {@link #MAPS}, in that order
     */
    public record Report(
            String address,
            String uuid,
            String clusterState,
            int partitions,
            boolean memberSafe,
            boolean clusterSafe,
            long heapUsedBytes,
            long heapMaxBytes,
            long[] entries) {}

    /** Compact form of the task: it carries nothing. */
    public static final class Serializer implements CompactSerializer<MemberStatus> {
        @Override
        public MemberStatus read(CompactReader reader) {
            return new MemberStatus();
        }

        @Override
        public void write(CompactWriter writer, MemberStatus task) {}

        @Override
        public String getTypeName() {
            return "flock.MemberStatus";
        }

        @Override
        public Class<MemberStatus> getCompactClass() {
            return MemberStatus.class;
        }
    }

    /** Compact form of the report. */
    public static final class ReportSerializer implements CompactSerializer<Report> {
        @Override
        public Report read(CompactReader reader) {
            return new Report(
                    reader.readString("address"),
                    reader.readString("uuid"),
                    reader.readString("clusterState"),
                    reader.readInt32("partitions"),
                    reader.readBoolean("memberSafe"),
                    reader.readBoolean("clusterSafe"),
                    reader.readInt64("heapUsedBytes"),
                    reader.readInt64("heapMaxBytes"),
                    reader.readArrayOfInt64("entries"));
        }

        @Override
        public void write(CompactWriter writer, Report report) {
            writer.writeString("address", report.address());
            writer.writeString("uuid", report.uuid());
            writer.writeString("clusterState", report.clusterState());
            writer.writeInt32("partitions", report.partitions());
            writer.writeBoolean("memberSafe", report.memberSafe());
            writer.writeBoolean("clusterSafe", report.clusterSafe());
            writer.writeInt64("heapUsedBytes", report.heapUsedBytes());
            writer.writeInt64("heapMaxBytes", report.heapMaxBytes());
            writer.writeArrayOfInt64("entries", report.entries());
        }

        @Override
        public String getTypeName() {
            return "flock.MemberReport";
        }

        @Override
        public Class<Report> getCompactClass() {
            return Report.class;
        }
    }
}
