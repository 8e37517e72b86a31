package flock.domain.notification;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.core.Offloadable;
import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One page of a user's notifications ({@link Inbox#page}), continued from Cassandra when it runs past the groups memory
 * keeps: only the page travels, not the inbox. Offloaded, so that the Cassandra read of a deep page never blocks a
 * partition thread.
 *
 * <p>A class, not a record: the member hands it its {@link OlderNotifications} after deserialization.
 */
public final class ReadNotifications
        implements EntryProcessor<Long, Inbox, Inbox>, Offloadable, ReadOnly, HazelcastInstanceAware {
    private final long maxId;
    private final long sinceId;
    private final int limit;
    private final int kindMask;
    private transient OlderNotifications older;

    /** @param limit the page's size: the answer holds one group more when more exist */
    public ReadNotifications(long maxId, long sinceId, int limit, int kindMask) {
        this.maxId = maxId;
        this.sinceId = sinceId;
        this.limit = limit;
        this.kindMask = kindMask;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance member) {
        older = (OlderNotifications) member.getUserContext().get(OlderNotifications.USER_CONTEXT_KEY);
    }

    @Override
    public Inbox process(Map.Entry<Long, Inbox> entry) {
        Inbox inbox = entry.getValue() == null ? Inbox.EMPTY : entry.getValue();
        Inbox page = inbox.page(maxId, sinceId, limit, kindMask);
        // Groups past the oldest kept are in Cassandra only once the inbox filled; a since page never goes there.
        if (page.size() > limit || !inbox.full() || sinceId != 0 || older == null) {
            return page;
        }
        long below = Math.min(maxId, inbox.groupIds()[inbox.size() - 1]);
        Inbox more = older.groupsBefore(entry.getKey(), below, limit + 1 - page.size(), kindMask);
        List<Integer> all = new ArrayList<>(more.size());
        for (int i = 0; i < more.size(); i++) {
            all.add(i);
        }
        return page.withGroupsOf(more, all);
    }

    @Override
    public String getExecutorName() {
        return OFFLOADABLE_EXECUTOR;
    }

    @Override
    public EntryProcessor<Long, Inbox, Inbox> getBackupProcessor() {
        return null;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<ReadNotifications> {
        @Override
        public ReadNotifications read(CompactReader reader) {
            return new ReadNotifications(
                    reader.readInt64("maxId"),
                    reader.readInt64("sinceId"),
                    reader.readInt32("limit"),
                    reader.readInt32("kindMask"));
        }

        @Override
        public void write(CompactWriter writer, ReadNotifications processor) {
            writer.writeInt64("maxId", processor.maxId);
            writer.writeInt64("sinceId", processor.sinceId);
            writer.writeInt32("limit", processor.limit);
            writer.writeInt32("kindMask", processor.kindMask);
        }

        @Override
        public String getTypeName() {
            return "flock.ReadNotifications";
        }

        @Override
        public Class<ReadNotifications> getCompactClass() {
            return ReadNotifications.class;
        }
    }
}
