package flock.domain;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/** Takes one tweet id out of a timeline: the inverse of {@link InsertIntoTimeline}. Idempotent. */
public record RemoveFromTimeline(long tweetId) implements EntryProcessor<Long, Timeline, Void> {

    @Override
    public Void process(Map.Entry<Long, Timeline> entry) {
        Timeline timeline = entry.getValue();
        if (timeline != null && timeline.remove(tweetId)) {
            entry.setValue(timeline);
        }
        return null;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<RemoveFromTimeline> {
        @Override
        public RemoveFromTimeline read(CompactReader reader) {
            return new RemoveFromTimeline(reader.readInt64("tweetId"));
        }

        @Override
        public void write(CompactWriter writer, RemoveFromTimeline processor) {
            writer.writeInt64("tweetId", processor.tweetId());
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
