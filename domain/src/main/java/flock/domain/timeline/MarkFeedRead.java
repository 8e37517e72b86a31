package flock.domain.timeline;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Renews a cached home feed's last-read time, which keeps it from being evicted as idle; not a feed being rebuilt,
 * which its install marks read (a mark would make it look installed).
 */
public record MarkFeedRead(long atMillis) implements EntryProcessor<Long, Timeline, Void> {

    @Override
    public Void process(Map.Entry<Long, Timeline> entry) {
        Timeline feed = entry.getValue();
        if (feed != null && !feed.beingRebuilt() && feed.markRead(atMillis)) {
            entry.setValue(feed);
        }
        return null;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<MarkFeedRead> {
        @Override
        public MarkFeedRead read(CompactReader reader) {
            return new MarkFeedRead(reader.readInt64("atMillis"));
        }

        @Override
        public void write(CompactWriter writer, MarkFeedRead processor) {
            writer.writeInt64("atMillis", processor.atMillis());
        }

        @Override
        public String getTypeName() {
            return "flock.MarkFeedRead";
        }

        @Override
        public Class<MarkFeedRead> getCompactClass() {
            return MarkFeedRead.class;
        }
    }
}
