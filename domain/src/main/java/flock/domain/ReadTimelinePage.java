package flock.domain;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Reads one page of ids on the timeline's owner, so only the page (not all 800 ids) crosses the
 * network. Answers null when the timeline is not in memory, which tells the caller to rebuild it.
 */
public record ReadTimelinePage(long maxId, long sinceId, int limit)
        implements EntryProcessor<Long, Timeline, long[]>, ReadOnly {

    @Override
    public long[] process(Map.Entry<Long, Timeline> entry) {
        Timeline timeline = entry.getValue();
        return timeline == null ? null : timeline.page(maxId, sinceId, limit);
    }

    @Override
    public EntryProcessor<Long, Timeline, long[]> getBackupProcessor() {
        return null;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<ReadTimelinePage> {
        @Override
        public ReadTimelinePage read(CompactReader reader) {
            return new ReadTimelinePage(
                    reader.readInt64("maxId"), reader.readInt64("sinceId"), reader.readInt32("limit"));
        }

        @Override
        public void write(CompactWriter writer, ReadTimelinePage processor) {
            writer.writeInt64("maxId", processor.maxId());
            writer.writeInt64("sinceId", processor.sinceId());
            writer.writeInt32("limit", processor.limit());
        }

        @Override
        public String getTypeName() {
            return "flock.ReadTimelinePage";
        }

        @Override
        public Class<ReadTimelinePage> getCompactClass() {
            return ReadTimelinePage.class;
        }
    }
}
