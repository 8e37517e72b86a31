package flock.domain.engagement;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Puts a reply into (or, deleted, takes it out of) its bucket of the parent's replies, and answers the bucket's size
 * for {@link TweetStats}. A reply is posted once and deleted once, so its versions are fixed: 1 posted, 2 deleted;
 * the fan-out may deliver both again (a replay) or in either order, and the bucket still ends without it.
 */
public record ApplyReply(long replyId, boolean deleted, long atMillis)
        implements EntryProcessor<BucketKey, EdgeBucket, BucketSize> {
    static final long POSTED = 1;
    static final long DELETED = 2;

    @Override
    public BucketSize process(Map.Entry<BucketKey, EdgeBucket> entry) {
        EdgeBucket current = entry.getValue() == null ? EdgeBucket.EMPTY : entry.getValue();
        EdgeBucket next = current.apply(replyId, replyId, deleted ? DELETED : POSTED, !deleted, atMillis);
        if (next != current) {
            entry.setValue(next);
        }
        return new BucketSize(next.size(), next.changes());
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<ApplyReply> {
        @Override
        public ApplyReply read(CompactReader reader) {
            return new ApplyReply(
                    reader.readInt64("replyId"), reader.readBoolean("deleted"), reader.readInt64("atMillis"));
        }

        @Override
        public void write(CompactWriter writer, ApplyReply processor) {
            writer.writeInt64("replyId", processor.replyId());
            writer.writeBoolean("deleted", processor.deleted());
            writer.writeInt64("atMillis", processor.atMillis());
        }

        @Override
        public String getTypeName() {
            return "flock.ApplyReply";
        }

        @Override
        public Class<ApplyReply> getCompactClass() {
            return ApplyReply.class;
        }
    }
}
