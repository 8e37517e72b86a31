package flock.domain.notification;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/** Takes the groups about a deleted tweet out of an inbox ({@link Inbox#withoutTweet}); idempotent. */
public record ForgetTweet(long tweetId) implements EntryProcessor<Long, Inbox, Void> {

    @Override
    public Void process(Map.Entry<Long, Inbox> entry) {
        Inbox inbox = entry.getValue();
        if (inbox != null) {
            Inbox changed = inbox.withoutTweet(tweetId);
            if (changed != inbox) {
                entry.setValue(changed);
            }
        }
        return null;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<ForgetTweet> {
        @Override
        public ForgetTweet read(CompactReader reader) {
            return new ForgetTweet(reader.readInt64("tweetId"));
        }

        @Override
        public void write(CompactWriter writer, ForgetTweet processor) {
            writer.writeInt64("tweetId", processor.tweetId());
        }

        @Override
        public String getTypeName() {
            return "flock.ForgetTweet";
        }

        @Override
        public Class<ForgetTweet> getCompactClass() {
            return ForgetTweet.class;
        }
    }
}
