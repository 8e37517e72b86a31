package flock.domain.timeline;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Takes a deleted (or refused) tweet out of its author's own timeline and out of the author's tweet count. A
 * tweet older than the entries memory keeps is not in the array but still counted, so it is uncounted when the
 * timeline says older tweets exist and the id lies among them. The caller runs this once per tweet it removed
 * from the tweets map; for a tweet in memory it is idempotent as well.
 */
public record RemoveOwnTweet(long tweetId) implements EntryProcessor<Long, Timeline, Void> {

    @Override
    public Void process(Map.Entry<Long, Timeline> entry) {
        Timeline timeline = entry.getValue();
        if (timeline == null) {
            return null;
        }
        boolean olderThanKept = timeline.truncated() && tweetId < timeline.oldest();
        if (timeline.remove(tweetId) || olderThanKept) {
            timeline.setTweetCount(timeline.tweetCount() - 1);
            entry.setValue(timeline);
        }
        return null;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<RemoveOwnTweet> {
        @Override
        public RemoveOwnTweet read(CompactReader reader) {
            return new RemoveOwnTweet(reader.readInt64("tweetId"));
        }

        @Override
        public void write(CompactWriter writer, RemoveOwnTweet processor) {
            writer.writeInt64("tweetId", processor.tweetId());
        }

        @Override
        public String getTypeName() {
            return "flock.RemoveOwnTweet";
        }

        @Override
        public Class<RemoveOwnTweet> getCompactClass() {
            return RemoveOwnTweet.class;
        }
    }
}
