package flock.domain.graph;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The key of one chunk of a big follower list ({@link flock.domain.MapNames#FOLLOWER_CHUNKS}). Deliberately not
 * partition-aware: the chunks of one account land on different partitions, so reading and fanning out a
 * celebrity's followers is spread over every member.
 *
 * @param chunk from 1; the head of the list (chunk 0) lives in {@link flock.domain.MapNames#FOLLOWERS}
 */
public record FollowerChunkKey(long userId, int chunk) {

    public FollowerChunkKey {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk numbers start at 1 (the head is chunk 0), was " + chunk);
        }
    }

    /** The keys of every chunk beyond the head of a user's split follower list (chunks 1 to {@code chunks}). */
    public static List<FollowerChunkKey> allOf(long userId, int chunks) {
        List<FollowerChunkKey> keys = new ArrayList<>(chunks);
        for (int chunk = 1; chunk <= chunks; chunk++) {
            keys.add(new FollowerChunkKey(userId, chunk));
        }
        return keys;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<FollowerChunkKey> {
        @Override
        public FollowerChunkKey read(CompactReader reader) {
            return new FollowerChunkKey(reader.readInt64("userId"), reader.readInt32("chunk"));
        }

        @Override
        public void write(CompactWriter writer, FollowerChunkKey key) {
            writer.writeInt64("userId", key.userId());
            writer.writeInt32("chunk", key.chunk());
        }

        @Override
        public String getTypeName() {
            return "flock.FollowerChunkKey";
        }

        @Override
        public Class<FollowerChunkKey> getCompactClass() {
            return FollowerChunkKey.class;
        }
    }
}
