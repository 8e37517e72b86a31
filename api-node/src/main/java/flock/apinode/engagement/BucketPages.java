package flock.apinode.engagement;

import com.hazelcast.map.IMap;
import flock.domain.engagement.BucketKey;
import flock.domain.engagement.EdgeBucket;
import flock.domain.engagement.EdgePage;
import flock.domain.engagement.ReadBucket;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Pages of the edges into a tweet kept in buckets (its likers, its replies), newest edge first. */
final class BucketPages {
    private BucketPages() {}

    /**
     * The newest edges below the cursor; one more than the limit if more exist. Every bucket is asked for its newest
     * below the cursor in one call, and the answers merged.
     */
    static EdgePage newest(IMap<BucketKey, EdgeBucket> buckets, long tweetId, long maxEdgeId, int limit) {
        Set<BucketKey> keys = new HashSet<>(BucketKey.BUCKETS * 2);
        for (int bucket = 0; bucket < BucketKey.BUCKETS; bucket++) {
            keys.add(new BucketKey(tweetId, bucket));
        }
        Map<BucketKey, EdgePage> pages = buckets.executeOnKeys(keys, new ReadBucket(maxEdgeId, limit));
        int total = 0;
        for (EdgePage page : pages.values()) {
            total += page.size();
        }
        long[][] merged = new long[total][];
        int at = 0;
        for (EdgePage page : pages.values()) {
            for (int i = 0; i < page.size(); i++) {
                merged[at++] = new long[] {page.edgeIds()[i], page.otherIds()[i]};
            }
        }
        Arrays.sort(merged, (a, b) -> Long.compare(b[0], a[0]));
        int shown = Math.min(limit, total);
        long[] others = new long[shown];
        long[] edges = new long[shown];
        for (int i = 0; i < shown; i++) {
            edges[i] = merged[i][0];
            others[i] = merged[i][1];
        }
        return new EdgePage(others, edges);
    }
}
