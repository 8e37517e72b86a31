package flock.domain.engagement;

import com.hazelcast.nio.serialization.FieldKind;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Arrays;

/**
 * A tweet's counts, apart from the tweet (a like must not rewrite a tweet that every API node keeps in its near
 * cache). Each count ({@link Counted}) is the sum of the sizes of the tweet's {@value BucketKey#BUCKETS} buckets of
 * that kind, each reported with its change count and taken only when newer than the one held: sizes, never deltas,
 * so a report that arrives twice or late changes nothing, and a count is exact once its writes stop.
 *
 * @param bucketSizes every kind's bucket sizes, kind after kind ({@code ordinal * BUCKETS + bucket})
 * @param bucketChanges the change count of each of those reports
 */
public record TweetStats(int[] bucketSizes, long[] bucketChanges) {
    private static final int SLOTS = Counted.values().length * BucketKey.BUCKETS;

    public TweetStats {
        if (bucketSizes.length != SLOTS || bucketChanges.length != SLOTS) {
            throw new IllegalArgumentException("one size and one change count per bucket of every kind");
        }
    }

    public static TweetStats empty() {
        return new TweetStats(new int[SLOTS], new long[SLOTS]);
    }

    public int likes() {
        return count(Counted.LIKES);
    }

    public int replies() {
        return count(Counted.REPLIES);
    }

    public int quotes() {
        return count(Counted.QUOTES);
    }

    public int reposts() {
        return count(Counted.REPOSTS);
    }

    public int count(Counted kind) {
        int count = 0;
        for (int i = kind.ordinal() * BucketKey.BUCKETS; i < (kind.ordinal() + 1) * BucketKey.BUCKETS; i++) {
            count += bucketSizes[i];
        }
        return count;
    }

    /** The bucket sizes of one kind, for its columns in Cassandra. */
    public int[] sizesOf(Counted kind) {
        int from = kind.ordinal() * BucketKey.BUCKETS;
        return Arrays.copyOfRange(bucketSizes, from, from + BucketKey.BUCKETS);
    }

    /** The change counts of one kind's buckets. */
    public long[] changesOf(Counted kind) {
        int from = kind.ordinal() * BucketKey.BUCKETS;
        return Arrays.copyOfRange(bucketChanges, from, from + BucketKey.BUCKETS);
    }

    /** These counts with one kind's sizes and change counts as stored (a load from Cassandra). */
    public TweetStats withKind(Counted kind, int[] sizes, long[] changes) {
        if (sizes.length != BucketKey.BUCKETS || changes.length != BucketKey.BUCKETS) {
            throw new IllegalArgumentException(kind + ": " + sizes.length + " bucket sizes and " + changes.length
                    + " change counts, not " + BucketKey.BUCKETS);
        }
        int[] allSizes = bucketSizes.clone();
        long[] allChanges = bucketChanges.clone();
        System.arraycopy(sizes, 0, allSizes, kind.ordinal() * BucketKey.BUCKETS, BucketKey.BUCKETS);
        System.arraycopy(changes, 0, allChanges, kind.ordinal() * BucketKey.BUCKETS, BucketKey.BUCKETS);
        return new TweetStats(allSizes, allChanges);
    }

    /** These counts with the bucket's report, or these counts when they hold a newer one. */
    public TweetStats withBucket(Counted kind, int bucket, BucketSize report) {
        int slot = kind.ordinal() * BucketKey.BUCKETS + bucket;
        if (report.changes() <= bucketChanges[slot]) {
            return this;
        }
        int[] sizes = bucketSizes.clone();
        long[] changes = bucketChanges.clone();
        sizes[slot] = report.size();
        changes[slot] = report.changes();
        return new TweetStats(sizes, changes);
    }

    /** The same for a likers bucket. */
    public TweetStats withLikeBucket(int bucket, BucketSize report) {
        return withBucket(Counted.LIKES, bucket, report);
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<TweetStats> {
        @Override
        public TweetStats read(CompactReader reader) {
            if (reader.getFieldKind("bucketSizes") == FieldKind.ARRAY_OF_INT32) {
                // Written by a version that counted fewer kinds: the kinds it did not count are empty.
                return new TweetStats(
                        Arrays.copyOf(reader.readArrayOfInt32("bucketSizes"), SLOTS),
                        Arrays.copyOf(reader.readArrayOfInt64("bucketChanges"), SLOTS));
            }
            // Written before replies were counted: likes only.
            return empty().withKind(
                            Counted.LIKES,
                            reader.readArrayOfInt32("likeBucketSizes"),
                            reader.readArrayOfInt64("likeBucketChanges"));
        }

        @Override
        public void write(CompactWriter writer, TweetStats stats) {
            // The counts themselves for SQL, which reads no arrays; the sizes are the truth.
            writer.writeInt32("likes", stats.likes());
            writer.writeInt32("replies", stats.replies());
            writer.writeInt32("quotes", stats.quotes());
            writer.writeInt32("reposts", stats.reposts());
            writer.writeArrayOfInt32("bucketSizes", stats.bucketSizes());
            writer.writeArrayOfInt64("bucketChanges", stats.bucketChanges());
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
