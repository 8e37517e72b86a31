package flock.pipelines;

import com.hazelcast.map.EntryProcessor;
import flock.domain.InsertIntoTimeline;
import flock.domain.RemoveFromTimeline;
import flock.domain.Timeline;

/**
 * One change to one home timeline, produced by the fan-out: push a tweet id into a follower's feed or
 * take it out again. Home timelines that are not cached are skipped: they are rebuilt in full on read.
 */
record TimelineUpdate(long userId, long tweetId, boolean removal) {

    EntryProcessor<Long, Timeline, Void> processor() {
        return removal ? RemoveFromTimeline.one(tweetId) : new InsertIntoTimeline(tweetId, false);
    }
}
