package flock.domain.timeline;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Pushes one tweet id into a timeline on its owner, trimming to {@link Timeline#MAX_ENTRIES}.
 * Idempotent, so the fan-out may replay events after a failure without duplicating entries.
 *
 * @param createIfAbsent true for an author's own timeline; false for home timelines, where an absent
 *     entry means the feed is not cached and will be rebuilt in full on its next read
 */
public record InsertIntoTimeline(long tweetId, boolean createIfAbsent) implements EntryProcessor<Long, Timeline, Void> {

    @Override
    public Void process(Map.Entry<Long, Timeline> entry) {
        Timeline timeline = entry.getValue();
        if (timeline == null) {
            if (!createIfAbsent) {
                return null;
            }
            timeline = Timeline.empty();
        }
        if (timeline.insert(tweetId)) {
            entry.setValue(timeline);
        }
        return null;
    }

    /** Compact form: this processor is sent once per follower per tweet, so it must be small. */
    public static final class Serializer implements CompactSerializer<InsertIntoTimeline> {
        @Override
        public InsertIntoTimeline read(CompactReader reader) {
            return new InsertIntoTimeline(reader.readInt64("tweetId"), reader.readBoolean("createIfAbsent"));
        }

        @Override
        public void write(CompactWriter writer, InsertIntoTimeline processor) {
            writer.writeInt64("tweetId", processor.tweetId());
            writer.writeBoolean("createIfAbsent", processor.createIfAbsent());
        }

        @Override
        public String getTypeName() {
            return "flock.InsertIntoTimeline";
        }

        @Override
        public Class<InsertIntoTimeline> getCompactClass() {
            return InsertIntoTimeline.class;
        }
    }
}
