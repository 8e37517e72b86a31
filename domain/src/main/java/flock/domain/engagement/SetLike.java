package flock.domain.engagement;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Likes or unlikes a tweet on the account's {@link LikeList}. Idempotent: liking a liked tweet keeps its first edge id,
 * unliking one not liked changes nothing, and either way the answer carries the list's version, which the caller hands
 * on to the tweet's side whether or not anything changed (so that a retried request repairs a half-applied one).
 *
 * @param edgeId the id a new like gets; unused when the tweet is liked already or when unliking
 */
public record SetLike(long tweetId, long edgeId, boolean liked) implements EntryProcessor<Long, LikeList, LikeChange> {

    public static SetLike like(long tweetId, long edgeId) {
        return new SetLike(tweetId, edgeId, true);
    }

    public static SetLike unlike(long tweetId) {
        return new SetLike(tweetId, 0, false);
    }

    @Override
    public LikeChange process(Map.Entry<Long, LikeList> entry) {
        LikeList list = entry.getValue() == null ? LikeList.EMPTY : entry.getValue();
        long existing = list.edgeOf(tweetId);
        if (liked == (existing != 0)) {
            return new LikeChange(liked, liked ? existing : 0, list.version());
        }
        LikeList changed = liked ? list.with(tweetId, edgeId) : list.without(tweetId);
        entry.setValue(changed);
        return new LikeChange(liked, liked ? edgeId : existing, changed.version());
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<SetLike> {
        @Override
        public SetLike read(CompactReader reader) {
            return new SetLike(reader.readInt64("tweetId"), reader.readInt64("edgeId"), reader.readBoolean("liked"));
        }

        @Override
        public void write(CompactWriter writer, SetLike processor) {
            writer.writeInt64("tweetId", processor.tweetId());
            writer.writeInt64("edgeId", processor.edgeId());
            writer.writeBoolean("liked", processor.liked());
        }

        @Override
        public String getTypeName() {
            return "flock.SetLike";
        }

        @Override
        public Class<SetLike> getCompactClass() {
            return SetLike.class;
        }
    }
}
