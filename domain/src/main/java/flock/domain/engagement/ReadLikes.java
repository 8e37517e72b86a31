package flock.domain.engagement;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/** A page of an account's likes where they live: the newest below a cursor, tweet ids newest like first. */
public record ReadLikes(long maxEdgeId, int limit) implements EntryProcessor<Long, LikeList, EdgePage>, ReadOnly {

    @Override
    public EdgePage process(Map.Entry<Long, LikeList> entry) {
        LikeList list = entry.getValue() == null ? LikeList.EMPTY : entry.getValue();
        return list.newest(maxEdgeId, limit);
    }

    @Override
    public EntryProcessor<Long, LikeList, EdgePage> getBackupProcessor() {
        return null;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<ReadLikes> {
        @Override
        public ReadLikes read(CompactReader reader) {
            return new ReadLikes(reader.readInt64("maxEdgeId"), reader.readInt32("limit"));
        }

        @Override
        public void write(CompactWriter writer, ReadLikes processor) {
            writer.writeInt64("maxEdgeId", processor.maxEdgeId());
            writer.writeInt32("limit", processor.limit());
        }

        @Override
        public String getTypeName() {
            return "flock.ReadLikes";
        }

        @Override
        public Class<ReadLikes> getCompactClass() {
            return ReadLikes.class;
        }
    }
}
