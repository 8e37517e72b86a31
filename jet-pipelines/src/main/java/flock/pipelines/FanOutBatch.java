package flock.pipelines;

import com.hazelcast.map.EntryProcessor;
import flock.domain.InsertIntoTimeline;
import flock.domain.RemoveFromTimeline;
import flock.domain.Timeline;

/**
 * One tweet pushed into (or taken out of) up to {@value #MAX_FEEDS} home feeds at once: a few calls that the
 * grid splits by owner ({@link FeedWriter}), so the entry processor runs on every member at once, one
 * operation per partition instead of one per feed.
 *
 * @param postedAtMillis when the post was acknowledged, for the fan-out lag
 */
record FanOutBatch(long tweetId, long postedAtMillis, boolean removal, long[] userIds) {
    /** Feeds per batch: large enough to amortize a batch, small enough to keep its calls short. */
    static final int MAX_FEEDS = 1_000;

    EntryProcessor<Long, Timeline, Void> processor() {
        return removal ? RemoveFromTimeline.one(tweetId) : new InsertIntoTimeline(tweetId, false);
    }
}
