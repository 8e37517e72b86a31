package flock.domain.engagement;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

/**
 * A tweet's counts, apart from the tweet (a like must not rewrite a tweet that every API node keeps in its near
 * cache). The like count is the sum of the sizes of the tweet's {@value LikersKey#BUCKETS} likers buckets, each
 * reported with its change count and taken only when newer than the one held: sizes, never deltas, so a report
 * that arrives twice or late changes nothing, and the count is exact once likes stop.
 */
public record TweetStats(int[] likeBucketSizes, long[] likeBucketChanges) {

    public TweetStats {
        if (likeBucketSizes.length != LikersKey.BUCKETS || likeBucketChanges.length != LikersKey.BUCKETS) {
            throw new IllegalArgumentException("one size and one change count per likers bucket");
        }
    }

    public static TweetStats empty() {
        return new TweetStats(new int[LikersKey.BUCKETS], new long[LikersKey.BUCKETS]);
    }

    public int likes() {
        int likes = 0;
        for (int size : likeBucketSizes) {
            likes += size;
        }
        return likes;
    }

    /** These counts with the bucket's report, or these counts when they hold a newer one. */
    public TweetStats withLikeBucket(int bucket, BucketSize report) {
        if (report.changes() <= likeBucketChanges[bucket]) {
            return this;
        }
        int[] sizes = likeBucketSizes.clone();
        long[] changes = likeBucketChanges.clone();
        sizes[bucket] = report.size();
        changes[bucket] = report.changes();
        return new TweetStats(sizes, changes);
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<TweetStats> {
        @Override
        public TweetStats read(CompactReader reader) {
            return new TweetStats(
                    reader.readArrayOfInt32("likeBucketSizes"), reader.readArrayOfInt64("likeBucketChanges"));
        }

        @Override
        public void write(CompactWriter writer, TweetStats stats) {
            writer.writeInt32("likes", stats.likes()); // for SQL, which reads no arrays; the sizes are the truth
            writer.writeArrayOfInt32("likeBucketSizes", stats.likeBucketSizes());
            writer.writeArrayOfInt64("likeBucketChanges", stats.likeBucketChanges());
        }

        @Override
        public String getTypeName() {
            return "flock.TweetStats";
        }

        @Override
        public Class<TweetStats> getCompactClass() {
            return TweetStats.class;
        }
    }
}
