package flock.domain.graph;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * The edge id of one follow, read on the follower's owner: an unfollow needs it to find the follower chunk
 * that holds the other side of the edge. Null when there is no such follow.
 */
public record ReadFollowEdge(long otherUserId) implements EntryProcessor<Long, FollowList, Long>, ReadOnly {

    @Override
    public Long process(Map.Entry<Long, FollowList> entry) {
        FollowList list = entry.getValue();
        if (list == null) {
            return null;
        }
        var edge = list.edgeOf(otherUserId);
        return edge.isPresent() ? edge.getAsLong() : null;
    }

    @Override
    public EntryProcessor<Long, FollowList, Long> getBackupProcessor() {
        return null;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<ReadFollowEdge> {
        @Override
        public ReadFollowEdge read(CompactReader reader) {
            return new ReadFollowEdge(reader.readInt64("otherUserId"));
        }

        @Override
        public void write(CompactWriter writer, ReadFollowEdge processor) {
            writer.writeInt64("otherUserId", processor.otherUserId());
        }

        @Override
        public String getTypeName() {
            return "flock.ReadFollowEdge";
        }

        @Override
        public Class<ReadFollowEdge> getCompactClass() {
            return ReadFollowEdge.class;
        }
    }
}
