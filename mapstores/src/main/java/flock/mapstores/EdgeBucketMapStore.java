package flock.mapstores;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import flock.domain.engagement.BucketKey;
import flock.domain.engagement.EdgeBucket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * Write-behind store of the buckets of edges into tweets, of one kind per table: one row per liking account in
 * {@code likers}, or per reply in {@code replies}, partitioned by (tweet, bucket) so that a viral tweet's edges spread
 * over {@value BucketKey#BUCKETS} Cassandra partitions, and the bucket's change count as a static column. Like the
 * follow lists, only the difference from the stored rows is written, from the rows this member last wrote or read
 * ({@link LastStored}) when it can trust them: a like's bucket is most often loaded as missing just before, so its
 * write reads nothing. Tombstones are not stored: they only guard against requests in flight, and none is after a
 * restart.
 */
final class EdgeBucketMapStore extends CassandraMapStore<BucketKey, EdgeBucket> {
    private final PreparedStatement insert;
    private final PreparedStatement insertWithChanges;
    private final PreparedStatement writeChanges;
    private final PreparedStatement deleteOne;
    private final PreparedStatement deleteAll;
    private final PreparedStatement select;
    private final LastStored<BucketKey, EdgeBucket> lastStored;

    /** @param table {@code likers} or {@code replies}, of the same columns */
    EdgeBucketMapStore(CqlSession session, String table) {
        super(session, table);
        this.lastStored = new LastStored<>(table, EdgeBucket::size);
        this.insert = session.prepare(
                "INSERT INTO " + table + " (tweet_id, bucket, actor_id, edge_id, version) VALUES (?, ?, ?, ?, ?)");
        this.insertWithChanges = session.prepare("INSERT INTO " + table
                + " (tweet_id, bucket, actor_id, edge_id, version, changes) VALUES (?, ?, ?, ?, ?, ?)");
        this.writeChanges = session.prepare("UPDATE " + table + " SET changes = ? WHERE tweet_id = ? AND bucket = ?");
        this.deleteOne =
                session.prepare("DELETE FROM " + table + " WHERE tweet_id = ? AND bucket = ? AND actor_id = ?");
        this.deleteAll = session.prepare("DELETE FROM " + table + " WHERE tweet_id = ? AND bucket = ?");
        this.select = session.prepare(
                "SELECT actor_id, edge_id, version, changes FROM " + table + " WHERE tweet_id = ? AND bucket = ?");
    }

    /** Stored rows are read asynchronously, so a write-behind batch's reads run at once (as the follow lists'). */
    @Override
    void write(AsyncWrites writes, BucketKey key, EdgeBucket likers) {
        LastStored.Use<BucketKey, EdgeBucket> use = lastStored.write(key, writes, likers);
        CompletionStage<Map<Long, long[]>> stored =
                use.known() == null ? stored(key) : CompletableFuture.completedFuture(rowsOf(use.known()));
        writes.add(stored.thenAccept(rows -> {
            // The change count goes with the first row written (one statement, where a like writes one row), or on
            // its own when none is.
            boolean changesWritten = false;
            for (int i = 0; i < likers.size(); i++) {
                long[] row = rows.remove(likers.actorIds()[i]);
                if (row == null || row[0] != likers.edgeIds()[i] || row[1] != likers.versions()[i]) {
                    writes.add(
                            changesWritten
                                    ? insert.bind(
                                            key.tweetId(),
                                            key.bucket(),
                                            likers.actorIds()[i],
                                            likers.edgeIds()[i],
                                            likers.versions()[i])
                                    : insertWithChanges.bind(
                                            key.tweetId(),
                                            key.bucket(),
                                            likers.actorIds()[i],
                                            likers.edgeIds()[i],
                                            likers.versions()[i],
                                            likers.changes()));
                    changesWritten = true;
                }
            }
            for (Long gone : rows.keySet()) {
                writes.add(deleteOne.bind(key.tweetId(), key.bucket(), gone));
            }
            if (!changesWritten) {
                writes.add(writeChanges.bind(likers.changes(), key.tweetId(), key.bucket()));
            }
        }));
    }

    @Override
    void erase(AsyncWrites writes, BucketKey key) {
        lastStored.write(key, writes, EdgeBucket.EMPTY);
        writes.add(deleteAll.bind(key.tweetId(), key.bucket()));
    }

    @Override
    void partitionTableStamp(LongSupplier stamp) {
        lastStored.stampFrom(stamp);
    }

    /** Most buckets do not exist yet when first liked: remembered as empty, their first write reads nothing. */
    @Override
    public EdgeBucket load(BucketKey key) {
        return lastStored.load(key, () -> read(key), EdgeBucket.EMPTY);
    }

    private EdgeBucket read(BucketKey key) {
        List<Row> rows =
                session.execute(select.bind(key.tweetId(), key.bucket())).all();
        if (rows.isEmpty()) {
            return null;
        }
        long changes = rows.getFirst().isNull("changes") ? 0 : rows.getFirst().getLong("changes");
        // A bucket whose likers all left keeps its static change count: a row with no account.
        List<Row> likers = rows.stream().filter(row -> !row.isNull("actor_id")).toList();
        long[] actorIds = new long[likers.size()];
        long[] edgeIds = new long[likers.size()];
        long[] versions = new long[likers.size()];
        for (int i = 0; i < likers.size(); i++) { // clustered by account id, ascending, as the bucket keeps them
            actorIds[i] = likers.get(i).getLong("actor_id");
            edgeIds[i] = likers.get(i).getLong("edge_id");
            versions[i] = likers.get(i).getLong("version");
        }
        long[] none = new long[0];
        return new EdgeBucket(changes, actorIds, edgeIds, versions, none, none, none);
    }

    /** A bucket's rows as written: edge id and version by account. */
    private static Map<Long, long[]> rowsOf(EdgeBucket bucket) {
        Map<Long, long[]> rows = new HashMap<>(bucket.size() * 2);
        for (int i = 0; i < bucket.size(); i++) {
            rows.put(bucket.actorIds()[i], new long[] {bucket.edgeIds()[i], bucket.versions()[i]});
        }
        return rows;
    }

    private CompletionStage<Map<Long, long[]>> stored(BucketKey key) {
        return session.executeAsync(select.bind(key.tweetId(), key.bucket()))
                .thenCompose(page -> collect(page, new HashMap<>()));
    }

    private static CompletionStage<Map<Long, long[]>> collect(AsyncResultSet page, Map<Long, long[]> rows) {
        for (Row row : page.currentPage()) {
            if (!row.isNull("actor_id")) {
                rows.put(row.getLong("actor_id"), new long[] {row.getLong("edge_id"), row.getLong("version")});
            }
        }
        return page.hasMorePages()
                ? page.fetchNextPage().thenCompose(next -> collect(next, rows))
                : CompletableFuture.completedFuture(rows);
    }
}
