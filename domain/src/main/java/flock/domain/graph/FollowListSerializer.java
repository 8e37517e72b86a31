package flock.domain.graph;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

/**
 * Compact form of {@link FollowList}; a list that is not split has no chunk starts (null). The edge count is written
 * beside the arrays, never read back: Hazelcast SQL cannot read an array's length, and analysts count followers with
 * it (the {@code follower_counts} view).
 */
public final class FollowListSerializer implements CompactSerializer<FollowList> {
    @Override
    public FollowList read(CompactReader reader) {
        long[] chunkStarts = reader.readArrayOfInt64("chunkStarts");
        ChunkIndex index = chunkStarts == null
                ? null
                : new ChunkIndex(chunkStarts, reader.readInt64("newestMaxEdge"), reader.readInt32("newestRouted"));
        return new FollowList(reader.readArrayOfInt64("userIds"), reader.readArrayOfInt64("edgeIds"), index);
    }

    @Override
    public void write(CompactWriter writer, FollowList list) {
        writer.writeArrayOfInt64("userIds", list.userIds());
        writer.writeArrayOfInt64("edgeIds", list.edgeIds());
        writer.writeInt32("edges", list.size());
        ChunkIndex index = list.index();
        writer.writeArrayOfInt64("chunkStarts", index == null ? null : index.starts());
        writer.writeInt64("newestMaxEdge", index == null ? 0 : index.newestMaxEdge());
        writer.writeInt32("newestRouted", index == null ? 0 : index.newestRouted());
    }

    @Override
    public String getTypeName() {
        return "flock.FollowList";
    }

    @Override
    public Class<FollowList> getCompactClass() {
        return FollowList.class;
    }
}
