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
 * Keeps each tweet's replies and quotes and their counts: a reply or quote posted goes into its bucket of the tweet's
 * replies or quotes, a deleted one out of it, and the bucket's new size into the tweet's counts. Driven by the tweets'
 * journal like the feeds, so a response acknowledged is counted even if the API node that took it dies at once, and a
 * replay changes nothing twice ({@link ApplyResponse}, {@link ReportBucket}).
 */
final class ResponseCounts {
    private final IMap<BucketKey, EdgeBucket> replies;
    private final IMap<BucketKey, EdgeBucket> quotes;
    private final IMap<Long, TweetStats> stats;

    ResponseCounts(HazelcastInstance member, String repliesMap, String quotesMap, String statsMap) {
        this.replies = member.getMap(repliesMap);
        this.quotes = member.getMap(quotesMap);
        this.stats = member.getMap(statsMap);
    }

    /** Whether the event is a reply's or a quote's, which this counts. */
    static boolean counts(TweetEvent event) {
        return event.inReplyToId() != 0 || event.quoteOfId() != 0;
    }

    CompletableFuture<TweetEvent> apply(TweetEvent response) {
        boolean reply = response.inReplyToId() != 0;
        long subject = reply ? response.inReplyToId() : response.quoteOfId();
        Counted kind = reply ? Counted.REPLIES : Counted.QUOTES;
        BucketKey bucket = BucketKey.of(subject, response.tweetId());
        return (reply ? replies : quotes)
                .submitToKey(
                        bucket, new ApplyResponse(response.tweetId(), response.removal(), System.currentTimeMillis()))
                .toCompletableFuture()
                .thenCompose(size -> stats.submitToKey(subject, ReportBucket.of(kind, bucket.bucket(), size))
                        .toCompletableFuture())
                .thenApply(done -> response);
    }
}
