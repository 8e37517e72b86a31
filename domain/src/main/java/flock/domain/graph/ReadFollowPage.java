package flock.domain.graph;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Reads a page of a follow list, or of one follower chunk, on its owner: the newest edges below
 * {@code maxEdgeId}, newest first. A page of a split list's head carries the head's chunk index.
 *
 * @param <K> the key: a user id, or a {@link FollowerChunkKey}
 */
public record ReadFollowPage<K>(long maxEdgeId, int limit)
        implements EntryProcessor<K, FollowList, FollowList>, ReadOnly {

    @Override
    public FollowList process(Map.Entry<K, FollowList> entry) {
        FollowList list = entry.getValue();
        return list == null ? FollowList.EMPTY : list.newestBelow(maxEdgeId, limit);
    }

    @Override
    public EntryProcessor<K, FollowList, FollowList> getBackupProcessor() {
        return null;
    }

    /** Compact form. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static final class Serializer implements CompactSerializer<ReadFollowPage> {
        @Override
        public ReadFollowPage read(CompactReader reader) {
            return new ReadFollowPage(reader.readInt64("maxEdgeId"), reader.readInt32("limit"));
        }

        @Override
        public void write(CompactWriter writer, ReadFollowPage processor) {
            writer.writeInt64("maxEdgeId", processor.maxEdgeId());
            writer.writeInt32("limit", processor.limit());
        }

        @Override
        public String getTypeName() {
            return "flock.ReadFollowPage";
        }

        @Override
        public Class<ReadFollowPage> getCompactClass() {
            return ReadFollowPage.class;
        }
    }
}
