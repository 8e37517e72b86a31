package flock.pipelines;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import flock.domain.engagement.ApplyReply;
import flock.domain.engagement.BucketKey;
import flock.domain.engagement.Counted;
import flock.domain.engagement.EdgeBucket;
import flock.domain.engagement.ReportBucket;
import flock.domain.engagement.TweetStats;
import java.util.concurrent.CompletableFuture;

/**
 * Keeps each tweet's replies and their count: a reply posted goes into its bucket of the parent's replies, a reply
 * deleted out of it, and the bucket's new size into the parent's counts. Driven by the tweets' journal like the
 * feeds, so a reply acknowledged is counted even if the API node that took it dies at once, and a replay changes
 * nothing twice ({@link ApplyReply}, {@link ReportBucket}).
 */
final class ReplyCounts {
    private final IMap<BucketKey, EdgeBucket> replies;
    private final IMap<Long, TweetStats> stats;

    ReplyCounts(HazelcastInstance member, String repliesMap, String statsMap) {
        this.replies = member.getMap(repliesMap);
        this.stats = member.getMap(statsMap);
    }

    CompletableFuture<TweetEvent> apply(TweetEvent reply) {
        BucketKey bucket = BucketKey.of(reply.inReplyToId(), reply.tweetId());
        return replies.submitToKey(bucket, new ApplyReply(reply.tweetId(), reply.removal(), System.currentTimeMillis()))
                .toCompletableFuture()
                .thenCompose(size -> stats.submitToKey(
                                reply.inReplyToId(), ReportBucket.of(Counted.REPLIES, bucket.bucket(), size))
                        .toCompletableFuture())
                .thenApply(done -> reply);
    }
}
