package flock.pipelines;

import com.hazelcast.internal.serialization.SerializationService;
import flock.domain.timeline.ApplyFeedUpdates;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongToIntFunction;

/**
 * The feed updates of several fan-out batches, grouped by feed: the distinct feeds ascending, and for each
 * its tweets in the order the batches came (a tweet's removal after its insert). Primitive arrays only, as
 * {@link ApplyFeedUpdates} carries them.
 */
final class FeedUpdates {
    private final long[] feeds;
    private final int[] ends;
    private final long[] updates;
    private final long[] originals;

    private FeedUpdates(long[] feeds, int[] ends, long[] updates, long[] originals) {
        this.feeds = feeds;
        this.ends = ends;
        this.updates = updates;
        this.originals = originals;
    }

    static FeedUpdates of(List<FanOutBatch> batches) {
        int total = 0;
        for (FanOutBatch batch : batches) {
            total += batch.userIds().length;
        }
        long[] all = new long[total];
        int at = 0;
        for (FanOutBatch batch : batches) {
            System.arraycopy(batch.userIds(), 0, all, at, batch.userIds().length);
            at += batch.userIds().length;
        }
        Arrays.sort(all);
        long[] feeds = distinct(all);
        int[] starts = new int[feeds.length];
        for (long feed : all) {
            starts[Arrays.binarySearch(feeds, feed)]++;
        }
        int[] ends = new int[feeds.length];
        int end = 0;
        for (int i = 0; i < feeds.length; i++) {
            int count = starts[i];
            starts[i] = end;
            end += count;
            ends[i] = end;
        }
        long[] updates = new long[total];
        boolean reposts = batches.stream().anyMatch(batch -> batch.repostOf() != 0 && !batch.removal());
        long[] originals = reposts ? new long[total] : NONE; // most calls carry no repost
        for (FanOutBatch batch : batches) { // in arrival order, so each feed's slice keeps it
            long update = batch.removal() ? ~batch.tweetId() : batch.tweetId();
            long original = batch.removal() ? 0 : batch.repostOf();
            for (long feed : batch.userIds()) {
                int slot = starts[Arrays.binarySearch(feeds, feed)]++;
                updates[slot] = update;
                if (reposts) {
                    originals[slot] = original;
                }
            }
        }
        return new FeedUpdates(feeds, ends, updates, originals);
    }

    long[] feeds() {
        return feeds;
    }

    int[] ends() {
        return ends;
    }

    long[] updates() {
        return updates;
    }

    /**
     * Whether some update inserts a repost, which a feed may leave out: readers cannot then patch the heads they cache
     * from the updates alone.
     */
    boolean insertsReposts() {
        return originals.length > 0;
    }

    /**
     * Every feed's updates, the feeds grouped by the partition that owns them (ascending within each), as one call to
     * the members that own those partitions.
     */
    FeedUpdatesByPartition byPartition(String map, LongToIntFunction partitionOf, SerializationService keys) {
        // Partition in the high half, position in the low: one primitive sort groups feeds by partition, each group
        // keeping the feeds' ascending order.
        long[] byPartition = new long[feeds.length];
        for (int i = 0; i < feeds.length; i++) {
            byPartition[i] = (long) partitionOf.applyAsInt(feeds[i]) << 32 | i;
        }
        Arrays.sort(byPartition);
        long[] groupedFeeds = new long[feeds.length];
        int[] groupedEnds = new int[feeds.length];
        long[] groupedUpdates = new long[updates.length];
        long[] groupedOriginals = originals.length == 0 ? NONE : new long[originals.length];
        int[] partitions = new int[feeds.length];
        int[] groupEnds = new int[feeds.length];
        int groups = 0;
        int size = 0;
        for (int i = 0; i < byPartition.length; i++) {
            int partition = (int) (byPartition[i] >>> 32);
            int feed = (int) byPartition[i];
            if (groups == 0 || partitions[groups - 1] != partition) {
                partitions[groups++] = partition;
            }
            groupEnds[groups - 1] = i + 1;
            groupedFeeds[i] = feeds[feed];
            int from = start(feed);
            int count = ends[feed] - from;
            System.arraycopy(updates, from, groupedUpdates, size, count);
            if (originals.length > 0) {
                System.arraycopy(originals, from, groupedOriginals, size, count);
            }
            size += count;
            groupedEnds[i] = size;
        }
        return new FeedUpdatesByPartition(
                map,
                groupedFeeds,
                groupedEnds,
                groupedUpdates,
                groupedOriginals,
                Arrays.copyOf(partitions, groups),
                Arrays.copyOf(groupEnds, groups),
                keys);
    }

    private static final long[] NONE = new long[0];

    private int start(int feed) {
        return feed == 0 ? 0 : ends[feed - 1];
    }

    private static long[] distinct(long[] sorted) {
        long[] distinct = new long[sorted.length];
        int count = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                distinct[count++] = sorted[i];
            }
        }
        return Arrays.copyOf(distinct, count);
    }
}
