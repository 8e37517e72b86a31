package flock.domain.account;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Adds {@code delta} to a user's tweet count atomically on the owner; no lost update under races. Answers
 * the updated user (null if there is none), so that a post renders its author without another read: the
 * change has just invalidated the author in every near cache.
 */
public record AdjustTweetCount(long delta) implements EntryProcessor<Long, User, User> {

    @Override
    public User process(Map.Entry<Long, User> entry) {
        User user = entry.getValue();
        if (user == null) {
            return null;
        }
        User adjusted = user.withTweetCount(user.tweetCount() + delta);
        entry.setValue(adjusted);
        return adjusted;
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
