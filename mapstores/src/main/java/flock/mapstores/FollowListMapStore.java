package flock.mapstores;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import flock.domain.FollowList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Write-behind store of one direction of the follow graph ({@code following} or {@code followers}),
 * one row per edge. The grid hands over the whole list of a user; the store reads the rows Cassandra has
 * and writes only the difference, so a follow costs one insert, not a rewrite of the list.
 */
final class FollowListMapStore extends CassandraMapStore<Long, FollowList> {
    private final PreparedStatement insert;
    private final PreparedStatement deleteEdge;
    private final PreparedStatement deleteAll;
    private final PreparedStatement select;

    FollowListMapStore(CqlSession session, String table) {
        super(session, table);
        if (!List.of("following", "followers").contains(table)) {
            throw new IllegalArgumentException("not a follow table: " + table);
        }
        this.insert = session.prepare("INSERT INTO " + table + " (user_id, edge_id, other_id) VALUES (?, ?, ?)");
        this.deleteEdge = session.prepare("DELETE FROM " + table + " WHERE user_id = ? AND edge_id = ?");
        this.deleteAll = session.prepare("DELETE FROM " + table + " WHERE user_id = ?");
        this.select = session.prepare("SELECT edge_id, other_id FROM " + table + " WHERE user_id = ?");
    }

    @Override
    void write(AsyncWrites writes, Long userId, FollowList list) {
        Map<Long, Long> stored = storedEdges(userId);
        long[] edgeIds = list.edgeIds();
        long[] otherIds = list.userIds();
        for (int i = 0; i < edgeIds.length; i++) {
            Long previous = stored.remove(edgeIds[i]);
            if (previous == null || previous != otherIds[i]) {
                writes.add(insert.bind(userId, edgeIds[i], otherIds[i]));
            }
        }
        for (Long goneEdge : stored.keySet()) {
            writes.add(deleteEdge.bind(userId, goneEdge));
        }
    }

    @Override
    void erase(AsyncWrites writes, Long userId) {
        writes.add(deleteAll.bind(userId));
    }

    @Override
    public FollowList load(Long userId) {
        List<Row> rows = session.execute(select.bind(userId)).all();
        if (rows.isEmpty()) {
            return null;
        }
        int count = rows.size();
        long[] edgeIds = new long[count];
        long[] otherIds = new long[count];
        for (int i = 0; i < count; i++) {
            Row row = rows.get(count - 1 - i); // rows come newest first; the list keeps oldest first
            edgeIds[i] = row.getLong("edge_id");
            otherIds[i] = row.getLong("other_id");
        }
        return new FollowList(otherIds, edgeIds);
    }

    private Map<Long, Long> storedEdges(long userId) {
        Map<Long, Long> edges = new HashMap<>();
        for (Row row : session.execute(select.bind(userId))) {
            edges.put(row.getLong("edge_id"), row.getLong("other_id"));
        }
        return edges;
    }
}
