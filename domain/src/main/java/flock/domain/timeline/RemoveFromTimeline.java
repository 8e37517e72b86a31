package flock.domain.timeline;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Takes tweet ids out of a timeline: one deleted tweet, or every tweet of an unfollowed account. The
 * inverse of {@link InsertIntoTimeline} and {@link MergeIntoTimeline}. Idempotent.
 */
public record RemoveFromTimeline(long[] tweetIds) implements EntryProcessor<Long, Timeline, Void> {

    public static RemoveFromTimeline one(long tweetId) {
        return new RemoveFromTimeline(new long[] {tweetId});
    }

    @Override
    public Void process(Map.Entry<Long, Timeline> entry) {
        Timeline timeline = entry.getValue();
        if (timeline == null) {
            return null;
        }
        boolean changed = false;
        for (long tweetId : tweetIds) {
            changed |= timeline.remove(tweetId);
        }
        if (changed) {
            entry.setValue(timeline);
        }
        return null;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<RemoveFromTimeline> {
        @Override
        public RemoveFromTimeline read(CompactReader reader) {
            return new RemoveFromTimeline(reader.readArrayOfInt64("tweetIds"));
        }

        @Override
        public void write(CompactWriter writer, RemoveFromTimeline processor) {
            writer.writeArrayOfInt64("tweetIds", processor.tweetIds());
        }

        @Override
        public String getTypeName() {
            return "flock.RemoveFromTimeline";
        }

        @Override
        public Class<RemoveFromTimeline> getCompactClass() {
            return RemoveFromTimeline.class;
        }
    }
}
