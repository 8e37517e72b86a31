package flock.pipelines;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.PartitionService;
import flock.domain.timeline.FeedChangePublisher;
import flock.domain.timeline.Timeline;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The fan-out's last step on each member: the batches that queued up while earlier ones were in flight,
 * sent together as one update per feed ({@link FeedUpdates}) in calls over disjoint groups of partitions
 * ({@link PartitionCalls}), every call in flight at once. Under load a burst of tweets then costs one
 * operation per partition touched, not one per tweet and partition; when idle a batch goes alone, with no
 * wait. Once every call completed, one message says what changed in which feed ({@link FeedChangePublisher}), so
 * that the API nodes patch the feed heads they cache rather than read them again.
 */
final class FeedWriter {
    /**
     * Keys x partitions one call may cost. A small account's tweet (up to 45 feeds) stays one call; a
     * batch of 1,000 feeds over every partition becomes a dozen calls of about 85 feeds each.
     */
    static final int MAX_KEY_VISITS = 2_048;

    private final IMap<Long, Timeline> feeds;
    private final FeedChangePublisher changes;
    private final PartitionService partitions;
    private final int partitionCount;

    FeedWriter(HazelcastInstance member, String homeTimelinesMap) {
        this.feeds = member.getMap(homeTimelinesMap);
        this.changes = new FeedChangePublisher(member);
        this.partitions = member.getPartitionService();
        this.partitionCount = partitions.getPartitions().size();
        FanOutMetrics.publish();
    }

    CompletableFuture<List<FanOutBatch>> pushAll(List<FanOutBatch> batches) {
        FeedUpdates updates = FeedUpdates.of(batches);
        long[][] calls = PartitionCalls.split(
                updates.feeds(), key -> partitions.getPartition(key).getPartitionId(), partitionCount, MAX_KEY_VISITS);
        CompletableFuture<?>[] sent = new CompletableFuture<?>[calls.length];
        for (int i = 0; i < calls.length; i++) {
            sent[i] = feeds.submitToKeys(keySet(calls[i]), updates.processorFor(calls[i]))
                    .toCompletableFuture();
        }
        // Every feed of the call, present or not: an API node may cache the head of a feed this member evicted.
        return CompletableFuture.allOf(sent).thenApply(done -> {
            if (updates.insertsReposts()) {
                changes.changed(updates.feeds()); // a feed may have left a repost out: heads are read again
            } else {
                changes.applied(updates.feeds(), updates.ends(), updates.updates());
            }
            return batches;
        });
    }

    private static Set<Long> keySet(long[] keys) {
        Set<Long> set = new HashSet<>(keys.length * 2);
        for (long key : keys) {
            set.add(key);
        }
        return set;
    }
}
