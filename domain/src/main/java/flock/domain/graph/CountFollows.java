package flock.domain.graph;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Counts a follow list (or follower chunk) on its owner, so a profile read does not ship the list.
 *
 * @param <K> the key: a user id, or a {@link FollowerChunkKey}
 */
public record CountFollows<K>() implements EntryProcessor<K, FollowList, CountFollows.Count>, ReadOnly {

    /**
     * @param edges the edges in the value counted
     * @param chunks the chunks still to count when the value is the head of a split follower list
     */
    public record Count(int edges, int chunks) {}

    @Override
    public Count process(Map.Entry<K, FollowList> entry) {
        FollowList list = entry.getValue();
        return list == null ? new Count(0, 0) : new Count(list.size(), list.chunks());
    }

    @Override
    public EntryProcessor<K, FollowList, Count> getBackupProcessor() {
        return null;
    }

    /** Compact form (no fields; the type name is the whole message). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static final class Serializer implements CompactSerializer<CountFollows> {
        @Override
        public CountFollows read(CompactReader reader) {
            return new CountFollows();
        }

        @Override
        public void write(CompactWriter writer, CountFollows processor) {}

        @Override
        public String getTypeName() {
            return "flock.CountFollows";
        }

        @Override
        public Class<CountFollows> getCompactClass() {
            return CountFollows.class;
        }
    }

    /** Compact form of the answer. */
    public static final class CountSerializer implements CompactSerializer<Count> {
        @Override
        public Count read(CompactReader reader) {
            return new Count(reader.readInt32("edges"), reader.readInt32("chunks"));
        }

        @Override
        public void write(CompactWriter writer, Count count) {
            writer.writeInt32("edges", count.edges());
            writer.writeInt32("chunks", count.chunks());
        }

        @Override
        public String getTypeName() {
            return "flock.FollowCount";
        }

        @Override
        public Class<Count> getCompactClass() {
            return Count.class;
        }
    }
}
