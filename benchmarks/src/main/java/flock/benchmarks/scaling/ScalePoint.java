package flock.benchmarks.scaling;

/**
 * What the scaling stage measured at one size.
 *
 * @param users accounts
 * @param follows follow edges
 * @param tweets tweets posted through the fan-out (a sample: the fan-out rate does not need them all)
 * @param emptyHeapBytes member heap after a full GC, both members, before anything was loaded
 * @param accountsHeapBytes the same after profiles, credentials and follower lists were loaded
 * @param feedsHeapBytes the same after an empty cached feed per user was added
 * @param postedHeapBytes the same after every tweet was posted and fanned out
 * @param emptiedHeapBytes the same after every feed was set back to empty: the difference from the last is
 *     what the timeline entries took
 * @param fullFeedEntries entries in the sample of feeds then filled to 800
 * @param fullFeedsHeapBytes the heap after that
 * @param tweetBytes the tweets map's own memory cost (serialized, primary and backup)
 * @param timelineUpdates timeline inserts the fan-out made
 * @param fanOutSeconds from the first post until the last insert
 * @param readP50Millis home-page read p50 at the scaling run's fixed rate
 * @param readP99Millis home-page read p99 at that rate
 * @param readErrors failed reads at that rate
 * @param closedLoopReads home pages per second with every connection busy, readers drawn from all users: at the larger
 *     sizes nearly every page is its reader's first on the API node
 * @param closedLoopActiveReads the same with readers drawn from a fixed {@value ScalingRun#ACTIVE_READERS} users whose
 *     pages were each read once before: the same working set at every size, so what is left is the data's size
 */
public record ScalePoint(
        int users,
        long follows,
        long tweets,
        long emptyHeapBytes,
        long accountsHeapBytes,
        long feedsHeapBytes,
        long postedHeapBytes,
        long emptiedHeapBytes,
        long fullFeedEntries,
        long fullFeedsHeapBytes,
        long tweetBytes,
        long timelineUpdates,
        double fanOutSeconds,
        double readP50Millis,
        double readP99Millis,
        long readErrors,
        double closedLoopReads,
        double closedLoopActiveReads) {

    /** Both copies (primary and backup) are counted in the heap figures. */
    static final int COPIES = 2;

    /** Profiles, credentials and follower lists, per user, one copy. */
    public double accountBytesPerUser() {
        return (double) (accountsHeapBytes - emptyHeapBytes) / users / COPIES;
    }

    /** An empty cached feed (the Timeline object and its map entry), one copy. */
    public double bytesPerEmptyFeed() {
        return (double) (feedsHeapBytes - accountsHeapBytes) / users / COPIES;
    }

    /** What an entry of a full feed (800) takes on the heap, one copy, growth slack included. */
    public double bytesPerTimelineEntry() {
        return (double) (fullFeedsHeapBytes - emptiedHeapBytes) / fullFeedEntries / COPIES;
    }

    /** Tweets in the map and in its event journal, per tweet, both copies (the feeds emptied again). */
    public double heapBytesPerTweet() {
        return (double) (emptiedHeapBytes - feedsHeapBytes) / tweets;
    }

    public double updatesPerSecond() {
        return timelineUpdates / fanOutSeconds;
    }

    /** Everything loaded, per user, both copies. */
    public double heapBytesPerUser() {
        return (double) (postedHeapBytes - emptyHeapBytes) / users;
    }
}
