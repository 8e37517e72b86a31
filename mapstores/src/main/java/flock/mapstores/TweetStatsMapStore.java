package flock.mapstores;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import flock.domain.engagement.Counted;
import flock.domain.engagement.TweetStats;
import java.util.Arrays;
import java.util.List;

/**
 * Write-behind store of tweets' counts ({@code tweet_stats}): absolute values, the like count beside the sizes and
 * change counts of the likers buckets it sums. Not Cassandra counters: a counter update the driver retries may count
 * twice, and an absolute value written twice is the same value.
 */
final class TweetStatsMapStore extends CassandraMapStore<Long, TweetStats> {
    private final PreparedStatement insert;
    private final PreparedStatement delete;
    private final PreparedStatement select;

    TweetStatsMapStore(CqlSession session) {
        super(session, "tweet_stats");
        this.insert =
                session.prepare("INSERT INTO tweet_stats (tweet_id, likes, like_bucket_sizes, like_bucket_changes,"
                        + " replies, reply_bucket_sizes, reply_bucket_changes, quotes, quote_bucket_sizes,"
                        + " quote_bucket_changes, reposts, repost_bucket_sizes, repost_bucket_changes)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.delete = session.prepare("DELETE FROM tweet_stats WHERE tweet_id = ?");
        this.select = session.prepare("SELECT like_bucket_sizes, like_bucket_changes, reply_bucket_sizes,"
                + " reply_bucket_changes, quote_bucket_sizes, quote_bucket_changes, repost_bucket_sizes,"
                + " repost_bucket_changes FROM tweet_stats WHERE tweet_id = ?");
    }

    @Override
    void write(AsyncWrites writes, Long tweetId, TweetStats stats) {
        writes.add(insert.bind(
                tweetId,
                stats.likes(),
                sizes(stats, Counted.LIKES),
                changes(stats, Counted.LIKES),
                stats.replies(),
                sizes(stats, Counted.REPLIES),
                changes(stats, Counted.REPLIES),
                stats.quotes(),
                sizes(stats, Counted.QUOTES),
                changes(stats, Counted.QUOTES),
                stats.reposts(),
                sizes(stats, Counted.REPOSTS),
                changes(stats, Counted.REPOSTS)));
    }

    private static List<Integer> sizes(TweetStats stats, Counted kind) {
        return Arrays.stream(stats.sizesOf(kind)).boxed().toList();
    }

    private static List<Long> changes(TweetStats stats, Counted kind) {
        return Arrays.stream(stats.changesOf(kind)).boxed().toList();
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
        Row row = session.execute(select.bind(tweetId)).one();
        TweetStats stats = TweetStats.empty();
        if (row == null) {
            return stats;
        }
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
