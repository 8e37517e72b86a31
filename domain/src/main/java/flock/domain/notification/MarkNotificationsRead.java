package flock.domain.notification;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Moves the read marker up to a group id, never down ({@link Inbox#markedRead}); answers the marker as it then is.
 */
public record MarkNotificationsRead(long upToId) implements EntryProcessor<Long, Inbox, Long> {

    @Override
    public Long process(Map.Entry<Long, Inbox> entry) {
        Inbox inbox = entry.getValue() == null ? Inbox.EMPTY : entry.getValue();
        Inbox changed = inbox.markedRead(upToId);
        if (changed != inbox) {
            entry.setValue(changed);
        }
        return changed.readUpTo();
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<MarkNotificationsRead> {
        @Override
        public MarkNotificationsRead read(CompactReader reader) {
            return new MarkNotificationsRead(reader.readInt64("upToId"));
        }

        @Override
        public void write(CompactWriter writer, MarkNotificationsRead processor) {
            writer.writeInt64("upToId", processor.upToId());
        }

        @Override
        public String getTypeName() {
            return "flock.MarkNotificationsRead";
        }

        @Override
        public Class<MarkNotificationsRead> getCompactClass() {
            return MarkNotificationsRead.class;
        }
    }
}
