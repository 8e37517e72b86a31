package flock.domain.safety;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import flock.domain.engagement.EdgePage;
import java.util.Map;

/** A page of the mutes still on, newest first below the cursor, read where the list lives. */
public record ReadMutes(long maxEdgeId, int limit, long nowMillis)
        implements EntryProcessor<Long, MuteList, EdgePage>, ReadOnly {

    @Override
    public EdgePage process(Map.Entry<Long, MuteList> entry) {
        MuteList list = entry.getValue() == null ? MuteList.EMPTY : entry.getValue();
        return list.newest(maxEdgeId, limit, nowMillis);
    }

    @Override
    public EntryProcessor<Long, MuteList, EdgePage> getBackupProcessor() {
        return null;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<ReadMutes> {
        @Override
        public ReadMutes read(CompactReader reader) {
            return new ReadMutes(
                    reader.readInt64("maxEdgeId"), reader.readInt32("limit"), reader.readInt64("nowMillis"));
        }

        @Override
        public void write(CompactWriter writer, ReadMutes processor) {
            writer.writeInt64("maxEdgeId", processor.maxEdgeId());
            writer.writeInt32("limit", processor.limit());
            writer.writeInt64("nowMillis", processor.nowMillis());
        }

        @Override
        public String getTypeName() {
            return "flock.ReadMutes";
        }

        @Override
        public Class<ReadMutes> getCompactClass() {
            return ReadMutes.class;
        }
    }
}
