package flock.mapstores;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.hazelcast.config.MapConfig;
import flock.domain.engagement.Counted;
import flock.domain.engagement.TweetStats;
import java.util.List;

/**
 * Write-behind store of tweets' counts ({@code tweet_stats}): absolute values, each count beside the sizes and change
 * counts of the buckets it sums ({@link StatsBuckets}). Not Cassandra counters: a counter update the driver retries may count
 * twice, and an absolute value written twice is the same value.
 */
final class TweetStatsMapStore extends CassandraMapStore<Long, TweetStats> {
    private final PreparedStatement insert;
    private final PreparedStatement delete;
    private final PreparedStatement select;
    private volatile CountsHorizon horizon = CountsHorizon.LOAD_EVERYTHING;

    TweetStatsMapStore(CqlSession session) {
        super(session, "tweet_stats");
        this.insert = session.prepare(
                "INSERT INTO tweet_stats (tweet_id, likes, replies, quotes, reposts, buckets) VALUES (?, ?, ?, ?, ?, ?)");
        this.delete = session.prepare("DELETE FROM tweet_stats WHERE tweet_id = ?");
        this.select = session.prepare("SELECT buckets, like_bucket_sizes, like_bucket_changes, reply_bucket_sizes,"
                + " reply_bucket_changes, quote_bucket_sizes, quote_bucket_changes, repost_bucket_sizes,"
                + " repost_bucket_changes FROM tweet_stats WHERE tweet_id = ?");
    }

    @Override
    void started(MapConfig map) {
        horizon = CountsHorizon.of(map, System.currentTimeMillis());
    }

    /** The counts as columns of their own (for a reader of the table), the reports they sum as one blob. */
    @Override
    void write(AsyncWrites writes, Long tweetId, TweetStats stats) {
        writes.add(insert.bind(
                tweetId, stats.likes(), stats.replies(), stats.quotes(), stats.reposts(), StatsBuckets.encode(stats)));
    }

    @Override
    void erase(AsyncWrites writes, Long tweetId) {
        writes.add(delete.bind(tweetId));
    }

    /**
     * A tweet nobody liked loads as empty counts, not as nothing: Hazelcast keeps no entry for a null, so every page
     * showing such a tweet would ask Cassandra again. The map drops entries an hour unread (hazelcast.yaml). A row
     * written before replies, quotes or reposts were counted has no columns for them: none counted.
     */
    @Override
    public TweetStats load(Long tweetId) {
        if (horizon.onlyInMemory(tweetId, System.currentTimeMillis())) {
            return TweetStats.empty(); // no row can exist: see CountsHorizon
        }
        Row row = session.execute(select.bind(tweetId)).one();
        TweetStats stats = TweetStats.empty();
        if (row == null) {
            return stats;
        }
        if (!row.isNull("buckets")) {
            return StatsBuckets.decode(row.getByteBuffer("buckets"));
        }
        // Written before the blob: the reports as lists, one pair per kind.
        stats = withStored(stats, row, Counted.LIKES, "like_bucket_sizes", "like_bucket_changes");
        stats = withStored(stats, row, Counted.REPLIES, "reply_bucket_sizes", "reply_bucket_changes");
        stats = withStored(stats, row, Counted.QUOTES, "quote_bucket_sizes", "quote_bucket_changes");
        return withStored(stats, row, Counted.REPOSTS, "repost_bucket_sizes", "repost_bucket_changes");
    }

    private static TweetStats withStored(TweetStats stats, Row row, Counted kind, String sizes, String changes) {
        List<Integer> storedSizes = row.getList(sizes, Integer.class);
        if (storedSizes.isEmpty()) { // the driver reads a null list as an empty one
            return stats;
        }
        return stats.withKind(
                kind,
                storedSizes.stream().mapToInt(Integer::intValue).toArray(),
                row.getList(changes, Long.class).stream()
                        .mapToLong(Long::longValue)
                        .toArray());
    }
}
