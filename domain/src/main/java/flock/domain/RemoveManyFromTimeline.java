package flock.domain;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/** Takes several tweet ids out of a timeline at once: an unfollowed account's tweets. Idempotent. */
public record RemoveManyFromTimeline(long[] tweetIds) implements EntryProcessor<Long, Timeline, Void> {

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
    public static final class Serializer implements CompactSerializer<RemoveManyFromTimeline> {
        @Override
        public RemoveManyFromTimeline read(CompactReader reader) {
            return new RemoveManyFromTimeline(reader.readArrayOfInt64("tweetIds"));
        }

        @Override
        public void write(CompactWriter writer, RemoveManyFromTimeline processor) {
            writer.writeArrayOfInt64("tweetIds", processor.tweetIds());
        }

        @Override
        public String getTypeName() {
            return "flock.RemoveManyFromTimeline";
        }

        @Override
        public Class<RemoveManyFromTimeline> getCompactClass() {
            return RemoveManyFromTimeline.class;
        }
    }
}
