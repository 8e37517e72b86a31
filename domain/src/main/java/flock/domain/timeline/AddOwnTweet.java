package flock.domain.timeline;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Puts a tweet just posted into its author's own timeline (with whom a reply to someone else reaches, see {@link
 * Timeline#insert(long, long)}) and counts it in the author's tweet count: one
 * operation on the author's partition for both. The timeline is loaded from Cassandra first if it is not in
 * memory, and created empty for a first tweet. Idempotent: an id already there changes nothing, so a retried
 * call neither duplicates the entry nor counts it twice.
 */
public record AddOwnTweet(long tweetId, long audienceAlsoFollowing, long repostOf)
        implements EntryProcessor<Long, Timeline, Void> {

    /** A tweet that reaches every follower and reposts nothing. */
    public AddOwnTweet(long tweetId) {
        this(tweetId, 0, 0);
    }

    /** The tweet as the author's timeline notes it: whom a reply reaches, what a repost reposts. */
    public static AddOwnTweet of(flock.domain.tweet.Tweet tweet) {
        return new AddOwnTweet(tweet.id(), tweet.audienceAlsoFollowing(), tweet.repostOfId());
    }

    @Override
    public Void process(Map.Entry<Long, Timeline> entry) {
        Timeline timeline = entry.getValue();
        if (timeline == null) {
            timeline = Timeline.empty();
        }
        if (timeline.insert(tweetId, audienceAlsoFollowing)) {
            if (repostOf != 0) {
                timeline.markRepost(tweetId, repostOf);
            }
            timeline.setTweetCount(timeline.tweetCount() + 1);
            entry.setValue(timeline);
        }
        return null;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<AddOwnTweet> {
        @Override
        public AddOwnTweet read(CompactReader reader) {
            return new AddOwnTweet(
                    reader.readInt64("tweetId"),
                    reader.readInt64("audienceAlsoFollowing"),
                    reader.readInt64("repostOf"));
        }

        @Override
        public void write(CompactWriter writer, AddOwnTweet processor) {
            writer.writeInt64("tweetId", processor.tweetId());
            writer.writeInt64("audienceAlsoFollowing", processor.audienceAlsoFollowing());
            writer.writeInt64("repostOf", processor.repostOf());
        }

        @Override
        public String getTypeName() {
            return "flock.AddOwnTweet";
        }

        @Override
        public Class<AddOwnTweet> getCompactClass() {
            return AddOwnTweet.class;
        }
    }
}
