package flock.domain.timeline;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Merges the newest tweets of an account just followed into a cached home feed. A feed not in memory is
 * left alone: its rebuild on read will include the new account. Idempotent.
 *
 * @param newestFirst the ids to merge, strictly descending
 */
public record MergeIntoTimeline(long[] newestFirst) implements EntryProcessor<Long, Timeline, Void> {

    @Override
    public Void process(Map.Entry<Long, Timeline> entry) {
        Timeline timeline = entry.getValue();
        if (timeline == null) {
            return null;
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
