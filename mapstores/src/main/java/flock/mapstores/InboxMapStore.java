package flock.mapstores;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import flock.domain.notification.Inbox;
import flock.domain.notification.NotificationGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * Write-behind store of each user's notifications: a row per group, clustered newest first, and the read marker as a
 * static column. Only the groups that changed are written, from the rows this member last wrote or read ({@link
 * LastStored}) when it can trust them. A group that moved up (a new like) loses its old row; a group that fell past
 * the {@value Inbox#CAPACITY} kept in memory keeps its row, so older pages are read from here ({@link
 * CassandraOlderNotifications}).
 */
final class InboxMapStore extends CassandraMapStore<Long, Inbox> {
    /** Rows read to learn what is stored: the groups memory keeps, and as many of those that fell past them. */
    private static final int ROWS_COMPARED = Inbox.CAPACITY * 2;

    private final PreparedStatement insert;
    private final PreparedStatement writeMarker;
    private final PreparedStatement deleteOne;
    private final PreparedStatement deleteAll;
    private final PreparedStatement selectNewest;
    private final LastStored<Long, Inbox> lastStored;

    InboxMapStore(CqlSession session) {
        super(session, "notifications");
        this.lastStored = new LastStored<>("notifications", Inbox::size);
        this.insert = session.prepare("INSERT INTO notifications (user_id, group_id, kind, subject, latest_at, count,"
                + " actor_ids, read_up_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        this.writeMarker = session.prepare("UPDATE notifications SET read_up_to = ? WHERE user_id = ?");
        this.deleteOne = session.prepare("DELETE FROM notifications WHERE user_id = ? AND group_id = ?");
        this.deleteAll = session.prepare("DELETE FROM notifications WHERE user_id = ?");
        this.selectNewest = session.prepare(CassandraOlderNotifications.COLUMNS + " WHERE user_id = ? LIMIT ?");
    }

    @Override
    void write(AsyncWrites writes, Long userId, Inbox inbox) {
        LastStored.Use<Long, Inbox> use = lastStored.write(userId, writes, inbox);
        CompletionStage<Inbox> stored = use.known() == null
                ? session.executeAsync(selectNewest.bind(userId, ROWS_COMPARED))
                        .thenCompose(page -> collect(page, new ArrayList<>()))
                : CompletableFuture.completedFuture(use.known());
        writes.add(stored.thenAccept(before -> {
            Map<Long, NotificationGroup> rows = new HashMap<>(before.size() * 2);
            before.groups().forEach(group -> rows.put(group.id(), group));
            boolean markerWritten = false;
            for (NotificationGroup group : inbox.groups()) {
                NotificationGroup row = rows.remove(group.id());
                if (row == null || !same(row, group)) {
                    writes.add(insert.bind(
                            userId,
                            group.id(),
                            group.kind().ordinal(),
                            group.subject(),
                            group.latestAt(),
                            group.count(),
                            actorList(group.actors()),
                            inbox.readUpTo()));
                    markerWritten = true;
                }
            }
            long oldestKept = inbox.size() == 0 ? Long.MAX_VALUE : inbox.groupIds()[inbox.size() - 1];
            for (NotificationGroup gone : rows.values()) {
                if (gone.id() >= oldestKept || movedUp(inbox, gone)) {
                    writes.add(deleteOne.bind(userId, gone.id()));
                }
            }
            if (!markerWritten && inbox.readUpTo() != before.readUpTo()) {
                writes.add(writeMarker.bind(inbox.readUpTo(), userId));
            }
        }));
    }

    /** Whether the group is in the inbox under a newer id: the old row goes, or older pages would show it twice. */
    private static boolean movedUp(Inbox inbox, NotificationGroup row) {
        for (int i = 0; i < inbox.size(); i++) {
            if (inbox.subjects()[i] == row.subject()
                    && inbox.kinds()[i] == row.kind().ordinal()) {
                return true;
            }
        }
        return false;
    }

    private static boolean same(NotificationGroup a, NotificationGroup b) {
        return a.kind() == b.kind()
                && a.subject() == b.subject()
                && a.latestAt() == b.latestAt()
                && a.count() == b.count()
                && java.util.Arrays.equals(a.actors(), b.actors());
    }

    static List<Long> actorList(long[] actors) {
        List<Long> list = new ArrayList<>(actors.length);
        for (long actor : actors) {
            list.add(actor);
        }
        return list;
    }

    @Override
    void erase(AsyncWrites writes, Long userId) {
        lastStored.write(userId, writes, Inbox.EMPTY);
        writes.add(deleteAll.bind(userId));
    }

    @Override
    void partitionTableStamp(LongSupplier stamp) {
        lastStored.stampFrom(stamp);
    }

    /**
     * The newest groups and the marker. A user nobody has told anything loads as an empty inbox, not as nothing, so
     * that the API nodes' near caches keep it: every page load asks for the unread count.
     */
    @Override
    public Inbox load(Long userId) {
        return Objects.requireNonNullElse(
                lastStored.load(
                        userId,
                        () -> CassandraOlderNotifications.inboxOf(
                                session.execute(selectNewest.bind(userId, Inbox.CAPACITY))
                                        .all()),
                        Inbox.EMPTY),
                Inbox.EMPTY);
    }

    private static CompletionStage<Inbox> collect(AsyncResultSet page, List<Row> rows) {
        page.currentPage().forEach(rows::add);
        return page.hasMorePages()
                ? page.fetchNextPage().thenCompose(next -> collect(next, rows))
                : CompletableFuture.completedFuture(CassandraOlderNotifications.inboxOf(rows));
    }
}
