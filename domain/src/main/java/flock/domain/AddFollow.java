package flock.domain;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Adds one edge to a follow list on its owner. Idempotent; answers the list's size afterwards, which tells
 * a follow whether the followed account just became too big to fan out on write.
 */
public record AddFollow(long otherUserId, long edgeId) implements EntryProcessor<Long, FollowList, Integer> {

    @Override
    public Integer process(Map.Entry<Long, FollowList> entry) {
        FollowList current = entry.getValue() == null ? FollowList.EMPTY : entry.getValue();
        FollowList updated = current.with(otherUserId, edgeId);
        if (updated != current) {
            entry.setValue(updated);
        }
        return updated.size();
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<AddFollow> {
        @Override
        public AddFollow read(CompactReader reader) {
            return new AddFollow(reader.readInt64("otherUserId"), reader.readInt64("edgeId"));
        }

        @Override
        public void write(CompactWriter writer, AddFollow processor) {
            writer.writeInt64("otherUserId", processor.otherUserId());
            writer.writeInt64("edgeId", processor.edgeId());
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
