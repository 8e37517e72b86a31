package flock.pipelines;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import flock.domain.engagement.ApplyResponse;
import flock.domain.engagement.BucketKey;
import flock.domain.engagement.Counted;
import flock.domain.engagement.EdgeBucket;
import flock.domain.engagement.ReportBucket;
import flock.domain.engagement.TweetStats;
import java.util.concurrent.CompletableFuture;

/**
 * Keeps each tweet's replies, quotes and reposts and their counts: a response posted goes into its bucket of the
 * tweet's replies, quotes or reposts, a deleted one out of it, and the bucket's new size into the tweet's counts. Driven
 * by the tweets' journal like the feeds, so a response acknowledged is counted even if the API node that took it dies
 * at once, and a replay changes nothing twice ({@link ApplyResponse}, {@link ReportBucket}).
 */
final class ResponseCounts {
    private final IMap<BucketKey, EdgeBucket> replies;
    private final IMap<BucketKey, EdgeBucket> quotes;
    private final IMap<BucketKey, EdgeBucket> reposts;
    private final IMap<Long, TweetStats> stats;

    ResponseCounts(HazelcastInstance member, FanOutPipeline.Maps maps) {
        this.replies = member.getMap(maps.replies());
        this.quotes = member.getMap(maps.quotes());
        this.reposts = member.getMap(maps.reposts());
        this.stats = member.getMap(maps.tweetStats());
    }

    /** Whether the event is a reply's, a quote's or a repost's, which this counts. */
    static boolean counts(TweetEvent event) {
        return event.inReplyToId() != 0 || event.quoteOfId() != 0 || event.repostOfId() != 0;
    }

    CompletableFuture<TweetEvent> apply(TweetEvent response) {
        Counted kind = response.inReplyToId() != 0
                ? Counted.REPLIES
                : response.quoteOfId() != 0 ? Counted.QUOTES : Counted.REPOSTS;
        long subject =
                switch (kind) {
                    case REPLIES -> response.inReplyToId();
                    case QUOTES -> response.quoteOfId();
                    default -> response.repostOfId();
                };
        IMap<BucketKey, EdgeBucket> buckets =
                switch (kind) {
                    case REPLIES -> replies;
                    case QUOTES -> quotes;
                    default -> reposts;
                };
        BucketKey bucket = BucketKey.of(subject, response.tweetId());
        return buckets.submitToKey(
                        bucket, new ApplyResponse(response.tweetId(), response.removal(), System.currentTimeMillis()))
                .toCompletableFuture()
                .thenCompose(size -> stats.submitToKey(subject, ReportBucket.of(kind, bucket.bucket(), size))
                        .toCompletableFuture())
                .thenApply(done -> response);
    }
}
