package flock.domain.graph;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Takes a follower off the head of an account's follower list, or tells the caller which chunk holds the
 * edge (found from the edge id, see {@link ChunkIndex}): the inverse of {@link AddFollower}. Idempotent.
 * Answers 0 when the head held (or would have held) the edge.
 */
public record RemoveFollower(long followerId, long edgeId) implements EntryProcessor<Long, FollowList, Integer> {

    @Override
    public Integer process(Map.Entry<Long, FollowList> entry) {
        FollowList head = entry.getValue();
        if (head == null) {
            return 0;
        }
        ChunkIndex index = head.index();
        int chunk = index == null ? 0 : index.chunkOf(edgeId);
        FollowList updated = head;
        if (chunk == 0) {
            updated = head.without(followerId);
        } else if (chunk == index.chunks()) {
            updated = head.withIndex(index.withTakenFromNewest());
        }
        if (updated != head) {
            entry.setValue(updated);
        }
        return chunk;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<RemoveFollower> {
        @Override
        public RemoveFollower read(CompactReader reader) {
            return new RemoveFollower(reader.readInt64("followerId"), reader.readInt64("edgeId"));
        }

        @Override
        public void write(CompactWriter writer, RemoveFollower processor) {
            writer.writeInt64("followerId", processor.followerId());
            writer.writeInt64("edgeId", processor.edgeId());
        }

        @Override
        public String getTypeName() {
            return "flock.RemoveFollower";
        }

        @Override
        public Class<RemoveFollower> getCompactClass() {
            return RemoveFollower.class;
        }
    }
}
