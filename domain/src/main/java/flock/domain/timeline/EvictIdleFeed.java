package flock.domain.timeline;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Removes a home feed nobody has read since {@code idleBefore}. Checked again on the owner, atomically, so a
 * read that renewed the feed after the sweep chose it keeps it. A feed being rebuilt counts from when its rebuild
 * began: one begun since is left to finish, one older was left by a reader that went away and goes. Answers whether
 * the feed was evicted.
 */
public record EvictIdleFeed(long idleBefore) implements EntryProcessor<Long, Timeline, Boolean> {

    @Override
    public Boolean process(Map.Entry<Long, Timeline> entry) {
        Timeline feed = entry.getValue();
        if (feed == null || feed.lastActiveMillis() >= idleBefore) {
            return false;
        }
        entry.setValue(null);
        return true;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<EvictIdleFeed> {
        @Override
        public EvictIdleFeed read(CompactReader reader) {
            return new EvictIdleFeed(reader.readInt64("idleBefore"));
        }

        @Override
        public void write(CompactWriter writer, EvictIdleFeed processor) {
            writer.writeInt64("idleBefore", processor.idleBefore());
        }

        @Override
        public String getTypeName() {
            return "flock.EvictIdleFeed";
        }

        @Override
        public Class<EvictIdleFeed> getCompactClass() {
            return EvictIdleFeed.class;
        }
    }
}
