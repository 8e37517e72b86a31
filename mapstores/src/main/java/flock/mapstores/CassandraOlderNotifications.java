package flock.mapstores;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import flock.domain.notification.Inbox;
import flock.domain.notification.NotificationKind;
import flock.domain.notification.OlderNotifications;
import java.util.ArrayList;
import java.util.List;

/**
 * The notification groups past those an inbox keeps in memory, read from the rows {@link InboxMapStore} wrote: groups
 * that fell off the end stay there. Pages filtered by kind read on until they are full or
 * {@value #MOST_ROWS_SCANNED} rows were read.
 */
public final class CassandraOlderNotifications implements OlderNotifications {
    static final String COLUMNS =
            "SELECT group_id, kind, subject, latest_at, count, actor_ids, read_up_to FROM notifications";

    /** Rows one page may read to find groups of the kinds asked for: the cost of a page is bounded. */
    static final int MOST_ROWS_SCANNED = 1_000;

    private final CqlSession session;
    private final PreparedStatement select;

    public CassandraOlderNotifications(CqlSession session) {
        this.session = session;
        this.select = session.prepare(COLUMNS + " WHERE user_id = ? AND group_id < ? LIMIT ?");
    }

    @Override
    public Inbox groupsBefore(long userId, long maxId, int limit, int kindMask) {
        List<Row> picked = new ArrayList<>(limit);
        int scanned = 0;
        for (Row row :
                session.execute(select.bind(userId, maxId, MOST_ROWS_SCANNED).setPageSize(limit * 2 + 10))) {
            scanned++;
            if (!row.isNull("group_id") && (kindMask & (1 << row.getInt("kind"))) != 0) {
                picked.add(row);
            }
            if (picked.size() >= limit || scanned >= MOST_ROWS_SCANNED) {
                break;
            }
        }
        return inboxOf(picked);
    }

    /** Rows newest first as an inbox (no event ids: only the grid's replays need them); the marker from any row. */
    static Inbox inboxOf(List<Row> rows) {
        long readUpTo = rows.isEmpty() || rows.getFirst().isNull("read_up_to")
                ? 0
                : rows.getFirst().getLong("read_up_to");
        Inbox inbox = Inbox.EMPTY.markedReadAt(readUpTo);
        for (Row row : rows) {
            if (row.isNull("group_id")) {
                continue; // only the marker: every group of the partition was deleted
            }
            List<Long> actors = row.getList("actor_ids", Long.class);
            long[] shown = new long[Inbox.ACTORS_SHOWN];
            for (int i = 0; i < Math.min(shown.length, actors.size()); i++) {
                shown[i] = actors.get(i);
            }
            inbox = inbox.withGroup(
                    row.getLong("group_id"),
                    NotificationKind.of(row.getInt("kind")),
                    row.getLong("subject"),
                    row.getLong("latest_at"),
                    row.getInt("count"),
                    shown);
        }
        return inbox;
    }
}
