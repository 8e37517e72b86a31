package flock.domain.notification;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Adds one event to the recipient's {@link Inbox} ({@link Inbox#with}): idempotent, so the notify job's replays and
 * the backup's copy of the change leave every inbox as one application would.
 *
 * @param eventId the flake id of what happened: the mentioning, answering, quoting or reposting tweet, the like, the
 *     follow
 */
public record AddNotification(int kind, long subject, long actorId, long eventId, long atMillis)
        implements EntryProcessor<Long, Inbox, Void> {

    public static AddNotification of(NotificationKind kind, long subject, long actorId, long eventId, long atMillis) {
        return new AddNotification(kind.ordinal(), subject, actorId, eventId, atMillis);
    }

    @Override
    public Void process(Map.Entry<Long, Inbox> entry) {
        Inbox inbox = entry.getValue() == null ? Inbox.EMPTY : entry.getValue();
        Inbox changed = inbox.with(NotificationKind.of(kind), subject, actorId, eventId, atMillis);
        if (changed != inbox) {
            entry.setValue(changed);
        }
        return null;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<AddNotification> {
        @Override
        public AddNotification read(CompactReader reader) {
            return new AddNotification(
                    reader.readInt32("kind"),
                    reader.readInt64("subject"),
                    reader.readInt64("actorId"),
                    reader.readInt64("eventId"),
                    reader.readInt64("atMillis"));
        }

        @Override
        public void write(CompactWriter writer, AddNotification processor) {
            writer.writeInt32("kind", processor.kind());
            writer.writeInt64("subject", processor.subject());
            writer.writeInt64("actorId", processor.actorId());
            writer.writeInt64("eventId", processor.eventId());
            writer.writeInt64("atMillis", processor.atMillis());
        }

        @Override
        public String getTypeName() {
            return "flock.AddNotification";
        }

        @Override
        public Class<AddNotification> getCompactClass() {
            return AddNotification.class;
        }
    }
}
