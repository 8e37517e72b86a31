package flock.pipelines;

import flock.domain.timeline.ApplyFeedUpdates;
import java.util.Arrays;
import java.util.List;

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

    /** The updates of some of the feeds, as one entry processor for the call that sends them. */
    ApplyFeedUpdates processorFor(long[] someFeeds) {
        long[] sorted = someFeeds.clone();
        Arrays.sort(sorted);
        int[] callEnds = new int[sorted.length];
        int size = 0;
        for (int i = 0; i < sorted.length; i++) {
            int feed = Arrays.binarySearch(feeds, sorted[i]);
            size += ends[feed] - start(feed);
            callEnds[i] = size;
        }
        long[] callUpdates = new long[size];
        long[] callOriginals = originals.length == 0 ? NONE : new long[size];
        for (int i = 0; i < sorted.length; i++) {
            int feed = Arrays.binarySearch(feeds, sorted[i]);
            int from = start(feed);
            int to = i == 0 ? 0 : callEnds[i - 1];
            System.arraycopy(updates, from, callUpdates, to, ends[feed] - from);
            if (originals.length > 0) {
                System.arraycopy(originals, from, callOriginals, to, ends[feed] - from);
            }
        }
        return new ApplyFeedUpdates(sorted, callEnds, callUpdates, callOriginals);
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
