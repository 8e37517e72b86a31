package flock.pipelines;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.jet.impl.util.Util;
import com.hazelcast.map.impl.MapService;
import com.hazelcast.partition.PartitionService;
import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.spi.impl.operationservice.OperationService;
import flock.domain.timeline.FeedChangePublisher;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The fan-out's last step on each member: the batches that queued up while earlier ones were in flight,
 * sent together as one update per feed ({@link FeedUpdates}) in one call that gives each partition its own feeds
 * ({@link FeedUpdatesByPartition}): one operation per member, which runs one per partition touched on that member's
 * partition threads at once. Under load a burst of tweets then costs one operation per partition touched, not one per
 * tweet and partition; when idle a batch goes alone, with no wait. Once the call completed, one message says what
 * changed in which feed ({@link FeedChangePublisher}), so that the API nodes patch the feed heads they cache rather than
 * read them again.
 */
final class FeedWriter {
    private final String feedsMap;
    private final FeedChangePublisher changes;
    private final PartitionService partitions;
    private final OperationService operations;
    private final SerializationService keys;

    FeedWriter(HazelcastInstance member, String homeTimelinesMap) {
        this.feedsMap = homeTimelinesMap;
        this.changes = new FeedChangePublisher(member);
        this.partitions = member.getPartitionService();
        NodeEngine engine = Util.getNodeEngine(member);
        this.operations = engine.getOperationService();
        this.keys = engine.getSerializationService();
        FanOutMetrics.publish();
    }

    CompletableFuture<List<FanOutBatch>> pushAll(List<FanOutBatch> batches) {
        FeedUpdates updates = FeedUpdates.of(batches);
        if (updates.feeds().length == 0) {
            return CompletableFuture.completedFuture(batches); // nothing to send: no partition to call
        }
        FeedUpdatesByPartition call = updates.byPartition(
                feedsMap, feed -> partitions.getPartition(feed).getPartitionId(), keys);
        // Every feed of the call, present or not: an API node may cache the head of a feed this member evicted.
        return operations
                .invokeOnPartitionsAsync(MapService.SERVICE_NAME, call, call.partitionList())
                .thenApply(done -> {
                    if (updates.insertsReposts()) {
                        changes.changed(updates.feeds()); // a feed may have left a repost out: heads are read again
                    } else {
                        changes.applied(updates.feeds(), updates.ends(), updates.updates());
                    }
                    return batches;
                });
    }
}
