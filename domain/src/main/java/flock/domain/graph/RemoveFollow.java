package flock.domain.graph;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Removes one edge from a follow list or follower chunk: the inverse of {@link AddFollow}. Idempotent.
 *
 * @param <K> the key: a user id, or a {@link FollowerChunkKey}
 */
public record RemoveFollow<K>(long otherUserId) implements EntryProcessor<K, FollowList, Boolean> {

    @Override
    public Boolean process(Map.Entry<K, FollowList> entry) {
        FollowList current = entry.getValue();
        if (current == null) {
            return false;
        }
        FollowList updated = current.without(otherUserId);
        if (updated == current) {
            return false;
        }
        entry.setValue(updated);
        return true;
    }

    /** Compact form. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static final class Serializer implements CompactSerializer<RemoveFollow> {
        @Override
        public RemoveFollow read(CompactReader reader) {
            return new RemoveFollow(reader.readInt64("otherUserId"));
        }

        @Override
        public void write(CompactWriter writer, RemoveFollow processor) {
            writer.writeInt64("otherUserId", processor.otherUserId());
        }

        @Override
        public String getTypeName() {
            return "flock.RemoveFollow";
        }

        @Override
        public Class<RemoveFollow> getCompactClass() {
            return RemoveFollow.class;
        }
    }
}
