package flock.pipelines;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.map.impl.operation.MultipleEntryOperation;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.spi.impl.operationservice.Operation;
import com.hazelcast.spi.impl.operationservice.impl.operations.PartitionAwareOperationFactory;
import flock.domain.timeline.ApplyFeedUpdates;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The feed updates of one fan-out call, cut by partition: each partition's operation carries its own feeds only.
 *
 * <p>Why Hazelcast's internal operation factory rather than {@code submitToKeys}: that call hands the whole key set to
 * the operation of every partition it touches, and each of them hashes every key and looks it up in its own record store
 * to find the keys it owns. Profiled under a posting load, those visits to keys owned elsewhere were a quarter of the
 * members' CPU. One invocation still goes to each member (a {@code PartitionIteratingOperation}, as
 * {@code submitToKeys} sends) and every partition runs Hazelcast's own {@link MultipleEntryOperation}, so the entry
 * processor, statistics and record-store semantics are the map's; only the keys each partition is given change. The
 * classes are internal to Hazelcast 5.x and may move in another major version: {@code FanOutPipelineTest} runs this path
 * on two members, whose calls to each other are serialized.
 *
 * <p>Sent once to each member that owns some of the partitions ({@link PipelineSerializerHook} registers it): primitive
 * arrays only, as {@link ApplyFeedUpdates} carries them.
 */
public final class FeedUpdatesByPartition extends PartitionAwareOperationFactory {
    private String map;
    /** The feeds grouped by partition, ascending within each group. */
    private long[] feeds;
    /** For each feed, where its updates end (they start where the previous feed's end). */
    private int[] ends;

    private long[] updates;
    private long[] originals;
    /** For each partition (ascending, as {@code partitions}), where its feeds end in {@code feeds}. */
    private int[] groupEnds;
    /** Turns a feed's id into the key the map stores: the caller's or, after the trip, the member's. */
    private transient SerializationService keys;

    /** For Hazelcast's deserialization only. */
    public FeedUpdatesByPartition() {}

    FeedUpdatesByPartition(
            String map,
            long[] feeds,
            int[] ends,
            long[] updates,
            long[] originals,
            int[] partitions,
            int[] groupEnds,
            SerializationService keys) {
        this.map = map;
        this.feeds = feeds;
        this.ends = ends;
        this.updates = updates;
        this.originals = originals;
        this.partitions = partitions;
        this.groupEnds = groupEnds;
        this.keys = keys;
    }

    /** The partitions the call goes to, ascending. */
    List<Integer> partitionList() {
        return Arrays.stream(partitions).boxed().toList();
    }

    /** The updates of the feeds one partition owns, as the entry processor its operation runs. */
    ApplyFeedUpdates updatesOf(int partition) {
        int group = Arrays.binarySearch(partitions, partition);
        if (group < 0) {
            throw new IllegalArgumentException("no feed of this call is in partition " + partition);
        }
        int from = group == 0 ? 0 : groupEnds[group - 1];
        int to = groupEnds[group];
        int firstUpdate = from == 0 ? 0 : ends[from - 1];
        int lastUpdate = ends[to - 1];
        int[] someEnds = new int[to - from];
        for (int i = from; i < to; i++) {
            someEnds[i - from] = ends[i] - firstUpdate;
        }
        return new ApplyFeedUpdates(
                Arrays.copyOfRange(feeds, from, to),
                someEnds,
                Arrays.copyOfRange(updates, firstUpdate, lastUpdate),
                originals.length == 0 ? originals : Arrays.copyOfRange(originals, firstUpdate, lastUpdate));
    }

    @Override
    public PartitionAwareOperationFactory createFactoryOnRunner(NodeEngine nodeEngine, int[] runnerPartitions) {
        return new FeedUpdatesByPartition(
                map, feeds, ends, updates, originals, partitions, groupEnds, nodeEngine.getSerializationService());
    }

    /** Called on the member that runs the partition (from its partition threads at once), or by the caller on a retry. */
    @Override
    public Operation createPartitionOperation(int partition) {
        ApplyFeedUpdates own = updatesOf(partition);
        Set<Data> ownKeys = new HashSet<>(own.feeds().length * 2);
        for (long feed : own.feeds()) {
            ownKeys.add(keys.toData(feed));
        }
        return new MultipleEntryOperation(map, ownKeys, own);
    }

    @Override
    public int getFactoryId() {
        return PipelineSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return PipelineSerializerHook.FEED_UPDATES_BY_PARTITION;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(map);
        out.writeLongArray(feeds);
        out.writeIntArray(ends);
        out.writeLongArray(updates);
        out.writeLongArray(originals);
        out.writeIntArray(partitions);
        out.writeIntArray(groupEnds);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        map = in.readString();
        feeds = in.readLongArray();
        ends = in.readIntArray();
        updates = in.readLongArray();
        originals = in.readLongArray();
        partitions = in.readIntArray();
        groupEnds = in.readIntArray();
    }
}
