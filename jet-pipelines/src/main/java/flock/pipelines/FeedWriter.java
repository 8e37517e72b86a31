package flock.pipelines;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.PartitionService;
import flock.domain.Timeline;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The fan-out's last step on each member: one batch of feeds updated with as few partition visits as
 * possible ({@link PartitionCalls}), every call in flight at once, the batch done when all are.
 */
final class FeedWriter {
    /**
     * Keys x partitions one call may cost. Measured with FanOutBench on two members: calls of about 2,000
     * key visits were the fastest for a 1,000-feed batch, and a small account's batch (a few dozen feeds)
     * stays one call.
     */
    static final int MAX_KEY_VISITS = 2_048;

    private final IMap<Long, Timeline> feeds;
    private final PartitionService partitions;
    private final int partitionCount;

    FeedWriter(HazelcastInstance member, String homeTimelinesMap) {
        this.feeds = member.getMap(homeTimelinesMap);
        this.partitions = member.getPartitionService();
        this.partitionCount = partitions.getPartitions().size();
    }

    CompletableFuture<FanOutBatch> push(FanOutBatch batch) {
        long[][] calls = PartitionCalls.split(
                batch.userIds(), key -> partitions.getPartition(key).getPartitionId(), partitionCount, MAX_KEY_VISITS);
        CompletableFuture<?>[] sent = new CompletableFuture<?>[calls.length];
        for (int i = 0; i < calls.length; i++) {
            sent[i] = feeds.submitToKeys(keySet(calls[i]), batch.processor()).toCompletableFuture();
        }
        return CompletableFuture.allOf(sent).thenApply(done -> batch);
    }

    private static Set<Long> keySet(long[] keys) {
        Set<Long> set = new HashSet<>(keys.length * 2);
        for (long key : keys) {
            set.add(key);
        }
        return set;
    }
}
