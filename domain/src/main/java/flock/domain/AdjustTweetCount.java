package flock.domain;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/** Adds {@code delta} to a user's tweet count atomically on the owner; no lost update under races. */
public record AdjustTweetCount(long delta) implements EntryProcessor<Long, User, Void> {

    @Override
    public Void process(Map.Entry<Long, User> entry) {
        User user = entry.getValue();
        if (user != null) {
            entry.setValue(user.withTweetCount(user.tweetCount() + delta));
        }
        return null;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<AdjustTweetCount> {
        @Override
        public AdjustTweetCount read(CompactReader reader) {
            return new AdjustTweetCount(reader.readInt64("delta"));
        }

        @Override
        public void write(CompactWriter writer, AdjustTweetCount processor) {
            writer.writeInt64("delta", processor.delta());
        }

        @Override
        public String getTypeName() {
            return "flock.AdjustTweetCount";
        }

        @Override
        public Class<AdjustTweetCount> getCompactClass() {
            return AdjustTweetCount.class;
        }
    }
}
