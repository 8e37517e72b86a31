package flock.pipelines;

import com.hazelcast.map.EntryProcessor;
import flock.domain.InsertIntoTimeline;
import flock.domain.RemoveFromTimeline;
import flock.domain.Timeline;
import java.util.HashSet;
import java.util.Set;

/**
 * One tweet pushed into (or taken out of) up to {@value #MAX_FEEDS} home feeds with a single call: the grid
 * splits the keys by owner and runs the entry processor on every member at once, one operation per member
 * and partition instead of one per feed.
 *
 * @param postedAtMillis when the post was acknowledged, for the fan-out lag
 */
record FanOutBatch(long tweetId, long postedAtMillis, boolean removal, long[] userIds) {
    /** Feeds per call: large enough to amortize the call, small enough to keep a call short. */
    static final int MAX_FEEDS = 1_000;

    Set<Long> keys() {
        Set<Long> keys = new HashSet<>(userIds.length * 2);
        for (long userId : userIds) {
            keys.add(userId);
        }
        return keys;
    }

    EntryProcessor<Long, Timeline, Void> processor() {
        return removal ? RemoveFromTimeline.one(tweetId) : new InsertIntoTimeline(tweetId, false);
    }
}
