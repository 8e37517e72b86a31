package flock.domain;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Installs a rebuilt home timeline. It merges rather than replaces: tweets fanned out while the rebuild
 * was being computed are already in the entry and must not be lost. Creates the entry if absent.
 *
 * @param newestFirst the rebuilt ids, strictly descending
 */
public record MergeIntoTimeline(long[] newestFirst) implements EntryProcessor<Long, Timeline, Void> {

    @Override
    public Void process(Map.Entry<Long, Timeline> entry) {
        Timeline timeline = entry.getValue();
        if (timeline == null) {
            timeline = Timeline.empty();
        }
        timeline.mergeNewestFirst(newestFirst);
        entry.setValue(timeline);
        return null;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<MergeIntoTimeline> {
        @Override
        public MergeIntoTimeline read(CompactReader reader) {
            return new MergeIntoTimeline(reader.readArrayOfInt64("newestFirst"));
        }

        @Override
        public void write(CompactWriter writer, MergeIntoTimeline processor) {
            writer.writeArrayOfInt64("newestFirst", processor.newestFirst());
        }

        @Override
        public String getTypeName() {
            return "flock.MergeIntoTimeline";
        }

        @Override
        public Class<MergeIntoTimeline> getCompactClass() {
            return MergeIntoTimeline.class;
        }
    }
}
