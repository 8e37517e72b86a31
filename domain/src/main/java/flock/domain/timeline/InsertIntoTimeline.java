package flock.domain.timeline;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Pushes one tweet id into a home feed on its owner, trimming to {@link Timeline#MAX_ENTRIES}. An absent feed
 * stays absent: it is not cached and will be rebuilt in full on its next read. Idempotent, so the fan-out may
 * replay events after a failure without duplicating entries. (An author's own timeline takes its tweets through
 * {@link AddOwnTweet}, which also counts them.)
 */
public record InsertIntoTimeline(long tweetId) implements EntryProcessor<Long, Timeline, Void> {

    @Override
    public Void process(Map.Entry<Long, Timeline> entry) {
        Timeline timeline = entry.getValue();
        if (timeline == null) {
            return null;
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
            return new InsertIntoTimeline(reader.readInt64("tweetId"));
        }

        @Override
        public void write(CompactWriter writer, InsertIntoTimeline processor) {
            writer.writeInt64("tweetId", processor.tweetId());
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
