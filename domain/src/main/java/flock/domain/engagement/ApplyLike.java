package flock.domain.engagement;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Applies an account's like or unlike to its bucket of the tweet's likers ({@link EdgeBucket#apply}); answers the
 * bucket's size and how many times it changed, for {@link TweetStats}. The backup runs the same processor, with the
 * same time, so both copies hold the same tombstones.
 */
public record ApplyLike(long actorId, long edgeId, long version, boolean liked, long atMillis)
        implements EntryProcessor<BucketKey, EdgeBucket, BucketSize> {

    /** The change an account's {@link SetLike} answered, for its bucket. */
    public static ApplyLike of(long actorId, LikeChange change, long atMillis) {
        return new ApplyLike(actorId, change.edgeId(), change.version(), change.liked(), atMillis);
    }

    @Override
    public BucketSize process(Map.Entry<BucketKey, EdgeBucket> entry) {
        EdgeBucket current = entry.getValue() == null ? EdgeBucket.EMPTY : entry.getValue();
        EdgeBucket next = current.apply(actorId, edgeId, version, liked, atMillis);
        if (next != current) {
            entry.setValue(next);
        }
        return new BucketSize(next.size(), next.changes());
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<ApplyLike> {
        @Override
        public ApplyLike read(CompactReader reader) {
            return new ApplyLike(
                    reader.readInt64("actorId"),
                    reader.readInt64("edgeId"),
                    reader.readInt64("version"),
                    reader.readBoolean("liked"),
                    reader.readInt64("atMillis"));
        }

        @Override
        public void write(CompactWriter writer, ApplyLike processor) {
            writer.writeInt64("actorId", processor.actorId());
            writer.writeInt64("edgeId", processor.edgeId());
            writer.writeInt64("version", processor.version());
            writer.writeBoolean("liked", processor.liked());
            writer.writeInt64("atMillis", processor.atMillis());
        }

        @Override
        public String getTypeName() {
            return "flock.ApplyLike";
        }

        @Override
        public Class<ApplyLike> getCompactClass() {
            return ApplyLike.class;
        }
    }
}
