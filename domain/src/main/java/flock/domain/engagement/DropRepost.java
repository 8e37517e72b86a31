package flock.domain.engagement;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Takes a repost out of its author's list of reposts once the repost is gone (its original was deleted), only if the
 * list still names that very repost: the author may have reposted the tweet again since, and that one stays.
 */
public record DropRepost(long originalId, long repostId) implements EntryProcessor<Long, LikeList, Void> {

    @Override
    public Void process(Map.Entry<Long, LikeList> entry) {
        LikeList list = entry.getValue();
        if (list != null && list.edgeOf(originalId) == repostId) {
            entry.setValue(list.without(originalId));
        }
        return null;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<DropRepost> {
        @Override
        public DropRepost read(CompactReader reader) {
            return new DropRepost(reader.readInt64("originalId"), reader.readInt64("repostId"));
        }

        @Override
        public void write(CompactWriter writer, DropRepost processor) {
            writer.writeInt64("originalId", processor.originalId());
            writer.writeInt64("repostId", processor.repostId());
        }

        @Override
        public String getTypeName() {
            return "flock.DropRepost";
        }

        @Override
        public Class<DropRepost> getCompactClass() {
            return DropRepost.class;
        }
    }
}
