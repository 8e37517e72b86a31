package flock.pipelines;

/**
 * One tweet to push into (or take out of) up to {@value #MAX_FEEDS} home feeds; {@link FeedWriter} sends it,
 * with the batches queued beside it, in one call that gives each partition its own feeds, so the feeds are updated on
 * every member at once, one operation per partition instead of one per feed.
 *
 * @param postedAtMillis when the post was acknowledged, for the fan-out lag
 * @param audience whether the feeds are still to be narrowed to those whose owners also follow an account (a reply
 *     to someone else), before they are written ({@link ReplyAudience})
 * @param repostOf the tweet a repost reposts (each feed may leave the repost out), 0 for every other tweet
 */
record FanOutBatch(
        long tweetId, long postedAtMillis, boolean removal, long[] userIds, Audience audience, long repostOf) {
    /** Feeds per batch: large enough to amortize a batch, small enough to keep its calls short. */
    static final int MAX_FEEDS = 1_000;

    /** Every feed (tests). */
    FanOutBatch(long tweetId, long postedAtMillis, boolean removal, long[] userIds) {
        this(tweetId, postedAtMillis, removal, userIds, Audience.EVERYONE, 0);
    }

    /** The same tweet for fewer feeds, already narrowed. */
    FanOutBatch narrowedTo(long[] someUserIds) {
        return new FanOutBatch(tweetId, postedAtMillis, removal, someUserIds, Audience.EVERYONE, repostOf);
    }

    /**
     * Whose feeds get the tweet: every feed of the batch, or only those whose owners also follow {@code repliedTo}
     * (and the replier's own).
     */
    record Audience(long repliedTo, long replier) {
        static final Audience EVERYONE = new Audience(0, 0);

        boolean everyone() {
            return repliedTo == 0;
        }
    }
}
