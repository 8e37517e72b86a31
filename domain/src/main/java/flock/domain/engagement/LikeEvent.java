package flock.domain.engagement;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

/**
 * A like, as the notify job learns of it ({@code like_events}, keyed by the like's id): two ids, where the journal of
 * the likers buckets would hold each whole bucket twice per like (before and after), megabytes per event for a viral
 * tweet.
 */
public record LikeEvent(long tweetId, long actorId) {

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<LikeEvent> {
        @Override
        public LikeEvent read(CompactReader reader) {
            return new LikeEvent(reader.readInt64("tweetId"), reader.readInt64("actorId"));
        }

        @Override
        public void write(CompactWriter writer, LikeEvent event) {
            writer.writeInt64("tweetId", event.tweetId());
            writer.writeInt64("actorId", event.actorId());
        }

        @Override
        public String getTypeName() {
            return "flock.LikeEvent";
        }

        @Override
        public Class<LikeEvent> getCompactClass() {
            return LikeEvent.class;
        }
    }
}
