package flock.domain.graph;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Adds one edge to a follow list (the accounts a user follows, or one chunk of a follower list) on its
 * owner. Idempotent: when the user is already in the list, the list is left alone and the edge id already
 * there is the answer, so a retried follow finds the same edge, and with it the same follower chunk.
 *
 * @param limit the most edges the list may hold; a list of accounts followed is capped so that it stays one
 *     small value, a follower chunk is not (the head that routes to it caps it)
 * @param <K> the key: a user id, or a {@link FollowerChunkKey}
 */
public record AddFollow<K>(long otherUserId, long edgeId, int limit) implements EntryProcessor<K, FollowList, Long> {

    /** An edge into a list with no cap of its own. */
    public static <K> AddFollow<K> uncapped(long otherUserId, long edgeId) {
        return new AddFollow<>(otherUserId, edgeId, Integer.MAX_VALUE);
    }

    /** The edge id the user's edge has now, or null when the list is full and the edge was not added. */
    @Override
    public Long process(Map.Entry<K, FollowList> entry) {
        FollowList current = entry.getValue() == null ? FollowList.EMPTY : entry.getValue();
        var existing = current.edgeOf(otherUserId);
        if (existing.isPresent()) {
            return existing.getAsLong();
        }
        if (current.size() >= limit) {
            return null;
        }
        entry.setValue(current.with(otherUserId, edgeId));
        return edgeId;
    }

    /** Compact form. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static final class Serializer implements CompactSerializer<AddFollow> {
        @Override
        public AddFollow read(CompactReader reader) {
            return new AddFollow(
                    reader.readInt64("otherUserId"), reader.readInt64("edgeId"), reader.readInt32("limit"));
        }

        @Override
        public void write(CompactWriter writer, AddFollow processor) {
            writer.writeInt64("otherUserId", processor.otherUserId());
            writer.writeInt64("edgeId", processor.edgeId());
            writer.writeInt32("limit", processor.limit());
        }

        @Override
        public String getTypeName() {
            return "flock.AddFollow";
        }

        @Override
        public Class<AddFollow> getCompactClass() {
            return AddFollow.class;
        }
    }
}
