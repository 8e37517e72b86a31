package flock.pipelines;

/**
 * One tweet to push into (or take out of) up to {@value #MAX_FEEDS} home feeds; {@link FeedWriter} sends it,
 * with the batches queued beside it, in calls that the grid splits by owner, so the feeds are updated on
 * every member at once, one operation per partition instead of one per feed.
 *
 * @param postedAtMillis when the post was acknowledged, for the fan-out lag
 */
record FanOutBatch(long tweetId, long postedAtMillis, boolean removal, long[] userIds) {
    /** Feeds per batch: large enough to amortize a batch, small enough to keep its calls short. */
    static final int MAX_FEEDS = 1_000;
}
