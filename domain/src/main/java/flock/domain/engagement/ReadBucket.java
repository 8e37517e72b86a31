package flock.domain.engagement;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/** The newest edges of one bucket (likers, replies) below a cursor, newest first; the caller merges the buckets. */
public record ReadBucket(long maxEdgeId, int limit)
        implements EntryProcessor<BucketKey, EdgeBucket, EdgePage>, ReadOnly {

    @Override
    public EdgePage process(Map.Entry<BucketKey, EdgeBucket> entry) {
        return entry.getValue() == null ? EdgePage.EMPTY : entry.getValue().newest(maxEdgeId, limit);
    }

    @Override
    public EntryProcessor<BucketKey, EdgeBucket, EdgePage> getBackupProcessor() {
        return null;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<ReadBucket> {
        @Override
        public ReadBucket read(CompactReader reader) {
            return new ReadBucket(reader.readInt64("maxEdgeId"), reader.readInt32("limit"));
        }

        @Override
        public void write(CompactWriter writer, ReadBucket processor) {
            writer.writeInt64("maxEdgeId", processor.maxEdgeId());
            writer.writeInt32("limit", processor.limit());
        }

        @Override
        public String getTypeName() {
            return "flock.ReadBucket";
        }

        @Override
        public Class<ReadBucket> getCompactClass() {
            return ReadBucket.class;
        }
    }
}
