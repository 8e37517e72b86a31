package flock.domain.engagement;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

/**
 * One bucket of a tweet's likers (or of its replies): the accounts (or replies) whose id hashes to it. A tweet's likes spread over {@value #BUCKETS}
 * keys on as many partitions (and Cassandra partitions), so a viral tweet's likes are applied in parallel and no one
 * value, queue or row set holds them all.
 */
public record BucketKey(long tweetId, int bucket) {
    public static final int BUCKETS = 16;

    public BucketKey {
        if (bucket < 0 || bucket >= BUCKETS) {
            throw new IllegalArgumentException("bucket must be in [0, " + BUCKETS + "): " + bucket);
        }
    }

    /** The bucket of the account's like of the tweet. */
    public static BucketKey of(long tweetId, long actorId) {
        return new BucketKey(tweetId, bucketOf(actorId));
    }

    /** Ids are flake ids, whose low bits count within a millisecond: mixed, so that every bucket gets its share. */
    public static int bucketOf(long actorId) {
        long mixed = actorId * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 60);
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<BucketKey> {
        @Override
        public BucketKey read(CompactReader reader) {
            return new BucketKey(reader.readInt64("tweetId"), reader.readInt32("bucket"));
        }

        @Override
        public void write(CompactWriter writer, BucketKey key) {
            writer.writeInt64("tweetId", key.tweetId());
            writer.writeInt32("bucket", key.bucket());
        }

        @Override
        public String getTypeName() {
            return "flock.BucketKey";
        }

        @Override
        public Class<BucketKey> getCompactClass() {
            return BucketKey.class;
        }
    }
}
