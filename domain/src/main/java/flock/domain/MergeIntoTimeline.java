package flock.domain;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Merges ids into a timeline: a rebuilt home feed, or the backfill of an account just followed. It merges
 * rather than replaces: tweets fanned out meanwhile are already in the entry and must not be lost.
 *
 * @param newestFirst the ids to merge, strictly descending
 * @param createIfAbsent true for a rebuild; false for a backfill, which a feed not in memory does not need
 *     (its rebuild on read will include the new account)
 */
public record MergeIntoTimeline(long[] newestFirst, boolean createIfAbsent)
        implements EntryProcessor<Long, Timeline, Void> {

    @Override
    public Void process(Map.Entry<Long, Timeline> entry) {
        Timeline timeline = entry.getValue();
        if (timeline == null) {
            if (!createIfAbsent) {
                return null;
            }
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
            return new MergeIntoTimeline(reader.readArrayOfInt64("newestFirst"), reader.readBoolean("createIfAbsent"));
        }

        @Override
        public void write(CompactWriter writer, MergeIntoTimeline processor) {
            writer.writeArrayOfInt64("newestFirst", processor.newestFirst());
            writer.writeBoolean("createIfAbsent", processor.createIfAbsent());
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
