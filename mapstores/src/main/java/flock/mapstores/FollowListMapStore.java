package flock.mapstores;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import flock.domain.graph.FollowList;
import flock.domain.graph.FollowerChunkKey;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Write-behind store of follow edges, one row per edge: the accounts a user follows ({@code following}),
 * the head of a follower list ({@code followers}, see {@link FollowerHeadMapStore}) or one chunk of a big
 * follower list ({@code follower_chunks}). The grid hands over a whole list; the store writes only the difference
 * from the rows Cassandra has, so a follow costs one insert, not a rewrite of the list. Those rows are the ones this
 * member last wrote or read for the key ({@link LastStored}) while it kept its partitions, or else read first.
 *
 * @param <K> the grid key, bound to the table's partition key columns by {@code keyValues}
 */
class FollowListMapStore<K> extends CassandraMapStore<K, FollowList> {
    private final Function<K, Object[]> keyValues;
    private final PreparedStatement insert;
    private final PreparedStatement deleteEdge;
    private final PreparedStatement deleteAll;
    private final PreparedStatement select;
    private final LastStored<K, FollowList> lastStored;
    private final FollowList loadedWhenNone;

    /** The accounts a user follows, the head of a user's follower list, the tweets a user likes or reposted: by user id. */
    static FollowListMapStore<Long> byUser(CqlSession session, String table) {
        if (!List.of("following", "followers", "likes", "reposted").contains(table)) {
            throw new IllegalArgumentException("not a follow table: " + table);
        }
        return new FollowListMapStore<>(session, table, List.of("user_id"), userId -> new Object[] {userId});
    }

    /**
     * The accounts a user blocks. A user who blocks nobody loads as an empty list, not as nothing: Hazelcast keeps no
     * entry for a null, so every like of that user's tweets would otherwise ask Cassandra again whether they block the
     * liker.
     */
    static FollowListMapStore<Long> blocking(CqlSession session) {
        return new FollowListMapStore<>(
                session, "blocking", List.of("user_id"), userId -> new Object[] {userId}, FollowList.EMPTY);
    }

    /** The chunks of big follower lists: keyed by user id and chunk number. */
    static FollowListMapStore<FollowerChunkKey> followerChunks(CqlSession session) {
        return new FollowListMapStore<>(session, "follower_chunks", List.of("user_id", "chunk"), key ->
                new Object[] {key.userId(), key.chunk()});
    }

    FollowListMapStore(CqlSession session, String table, List<String> keyColumns, Function<K, Object[]> keyValues) {
        this(session, table, keyColumns, keyValues, null);
    }

    private FollowListMapStore(
            CqlSession session,
            String table,
            List<String> keyColumns,
            Function<K, Object[]> keyValues,
            FollowList loadedWhenNone) {
        super(session, table);
        this.loadedWhenNone = loadedWhenNone;
        this.keyValues = keyValues;
        this.lastStored = new LastStored<>(table, list -> list.edgeIds().length);
        String columns = String.join(", ", keyColumns);
        String where = String.join(
                " AND ", keyColumns.stream().map(column -> column + " = ?").toList());
        String markers =
                String.join(", ", keyColumns.stream().map(column -> "?").toList());
        this.insert = session.prepare(
                "INSERT INTO " + table + " (" + columns + ", edge_id, other_id) VALUES (" + markers + ", ?, ?)");
        this.deleteEdge = session.prepare("DELETE FROM " + table + " WHERE " + where + " AND edge_id = ?");
        this.deleteAll = session.prepare("DELETE FROM " + table + " WHERE " + where);
        this.select = session.prepare("SELECT edge_id, other_id FROM " + table + " WHERE " + where);
    }

    /**
     * Writes only the difference from what Cassandra holds. Rows that must be read are read asynchronously, so the
     * reads of a whole write-behind batch (100 lists) run at once instead of one after another; the writes they decide
     * on share the batch's window.
     */
    @Override
    void write(AsyncWrites writes, K key, FollowList list) {
        LastStored.Use<K, FollowList> use = lastStored.write(key, writes, list);
        CompletionStage<Map<Long, Long>> rows =
                use.known() == null ? storedEdges(key) : CompletableFuture.completedFuture(edgesOf(use.known()));
        writes.add(rows.thenAccept(stored -> {
            long[] edgeIds = list.edgeIds();
            long[] otherIds = list.userIds();
            for (int i = 0; i < edgeIds.length; i++) {
                Long previous = stored.remove(edgeIds[i]);
                if (previous == null || previous != otherIds[i]) {
                    writes.add(insert.bind(withKey(key, edgeIds[i], otherIds[i])));
                }
            }
            for (Long goneEdge : stored.keySet()) {
                writes.add(deleteEdge.bind(withKey(key, goneEdge)));
            }
        }));
    }

    @Override
    void erase(AsyncWrites writes, K key) {
        lastStored.write(key, writes, FollowList.EMPTY);
        writes.add(deleteAll.bind(keyValues.apply(key)));
    }

    @Override
    void partitionTableStamp(LongSupplier stamp) {
        lastStored.stampFrom(stamp);
    }

    @Override
    public FollowList load(K key) {
        FollowList loaded = lastStored.load(key, () -> read(key), FollowList.EMPTY);
        return loaded == null ? loadedWhenNone : loaded;
    }

    /** The key's rows as a list oldest first, or null when it has none. */
    private FollowList read(K key) {
        List<Row> rows = session.execute(select.bind(keyValues.apply(key))).all();
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

    /** The edges of a list as written, by edge id. */
    private static Map<Long, Long> edgesOf(FollowList list) {
        Map<Long, Long> edges = new HashMap<>(list.edgeIds().length * 2);
        for (int i = 0; i < list.edgeIds().length; i++) {
            edges.put(list.edgeIds()[i], list.userIds()[i]);
        }
        return edges;
    }

    private CompletionStage<Map<Long, Long>> storedEdges(K key) {
        return session.executeAsync(select.bind(keyValues.apply(key)))
                .thenCompose(page -> collect(page, new HashMap<>()));
    }

    /** Every page of a result: a big follower list's head is 32,768 rows, several pages. */
    private static CompletionStage<Map<Long, Long>> collect(AsyncResultSet page, Map<Long, Long> edges) {
        for (Row row : page.currentPage()) {
            edges.put(row.getLong("edge_id"), row.getLong("other_id"));
        }
        return page.hasMorePages()
                ? page.fetchNextPage().thenCompose(next -> collect(next, edges))
                : CompletableFuture.completedFuture(edges);
    }

    private Object[] withKey(K key, Object... more) {
        Object[] keyPart = keyValues.apply(key);
        Object[] values = Arrays.copyOf(keyPart, keyPart.length + more.length);
        System.arraycopy(more, 0, values, keyPart.length, more.length);
        return values;
    }
}
