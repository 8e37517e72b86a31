package flock.domain.engagement;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/** The newest likers of one bucket below a cursor, newest first; the caller merges the buckets. */
public record ReadLikers(long maxEdgeId, int limit) implements EntryProcessor<LikersKey, Likers, EdgePage>, ReadOnly {

    @Override
    public EdgePage process(Map.Entry<LikersKey, Likers> entry) {
        return entry.getValue() == null ? EdgePage.EMPTY : entry.getValue().newest(maxEdgeId, limit);
    }

    @Override
    public EntryProcessor<LikersKey, Likers, EdgePage> getBackupProcessor() {
        return null;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<ReadLikers> {
        @Override
        public ReadLikers read(CompactReader reader) {
            return new ReadLikers(reader.readInt64("maxEdgeId"), reader.readInt32("limit"));
        }

        @Override
        public void write(CompactWriter writer, ReadLikers processor) {
            writer.writeInt64("maxEdgeId", processor.maxEdgeId());
            writer.writeInt32("limit", processor.limit());
        }

        @Override
        public String getTypeName() {
            return "flock.ReadLikers";
        }

        @Override
        public Class<ReadLikers> getCompactClass() {
            return ReadLikers.class;
        }
    }
}
