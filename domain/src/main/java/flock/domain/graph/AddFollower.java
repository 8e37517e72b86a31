package flock.domain.graph;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Adds a follower to the head of an account's follower list, or tells the caller which chunk takes it. The
 * head is where every follow of the account is ordered: it adds edges while it has room, then opens chunks
 * of {@code chunkCapacity} edges one after the other (see {@link ChunkIndex}). Idempotent for a retried
 * follow, which comes with the edge id it had the first time and so lands in the same chunk.
 *
 * @param chunkCapacity edges per value: the head's and each chunk's (16 bytes an edge)
 */
public record AddFollower(long followerId, long edgeId, int chunkCapacity)
        implements EntryProcessor<Long, FollowList, AddFollower.Placed> {

    /**
     * Where the edge went.
     *
     * @param chunk 0 when the head took it; otherwise the chunk the caller must add it to
     * @param followers about how many followers the account has now (exact while the list is one value)
     */
    public record Placed(int chunk, int followers) {}

    public AddFollower {
        if (chunkCapacity < 1) {
            throw new IllegalArgumentException("chunkCapacity must be at least 1, was " + chunkCapacity);
        }
    }

    @Override
    public Placed process(Map.Entry<Long, FollowList> entry) {
        FollowList head = entry.getValue() == null ? FollowList.EMPTY : entry.getValue();
        ChunkIndex index = head.index();
        int chunk = index == null ? 0 : index.chunkOf(edgeId);
        FollowList updated;
        if (chunk == 0 && index == null && head.size() >= chunkCapacity && edgeId > head.newestEdgeId()) {
            chunk = 1;
            updated = head.withIndex(ChunkIndex.first(edgeId));
        } else if (chunk == 0) {
            updated = head.with(followerId, edgeId);
        } else if (chunk == index.chunks() && index.newestIsFull(edgeId, chunkCapacity)) {
            chunk++;
            updated = head.withIndex(index.withNewChunk(edgeId));
        } else if (chunk == index.chunks()) {
            updated = head.withIndex(index.withRoutedToNewest(edgeId));
        } else {
            updated = head; // an older chunk, found from its range alone
        }
        if (updated != head) {
            entry.setValue(updated);
        }
        return new Placed(chunk, followers(updated));
    }

    private int followers(FollowList head) {
        return head.index() == null ? head.size() : head.size() + head.index().approximateEdges(chunkCapacity);
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<AddFollower> {
        @Override
        public AddFollower read(CompactReader reader) {
            return new AddFollower(
                    reader.readInt64("followerId"), reader.readInt64("edgeId"), reader.readInt32("chunkCapacity"));
        }

        @Override
        public void write(CompactWriter writer, AddFollower processor) {
            writer.writeInt64("followerId", processor.followerId());
            writer.writeInt64("edgeId", processor.edgeId());
            writer.writeInt32("chunkCapacity", processor.chunkCapacity());
        }

        @Override
        public String getTypeName() {
            return "flock.AddFollower";
        }

        @Override
        public Class<AddFollower> getCompactClass() {
            return AddFollower.class;
        }
    }

    /** Compact form of the answer. */
    public static final class PlacedSerializer implements CompactSerializer<Placed> {
        @Override
        public Placed read(CompactReader reader) {
            return new Placed(reader.readInt32("chunk"), reader.readInt32("followers"));
        }

        @Override
        public void write(CompactWriter writer, Placed placed) {
            writer.writeInt32("chunk", placed.chunk());
            writer.writeInt32("followers", placed.followers());
        }

        @Override
        public String getTypeName() {
            return "flock.FollowerPlaced";
        }

        @Override
        public Class<Placed> getCompactClass() {
            return Placed.class;
        }
    }
}
