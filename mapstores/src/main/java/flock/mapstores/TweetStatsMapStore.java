package flock.mapstores;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import flock.domain.engagement.LikersKey;
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
        this.insert = session.prepare("INSERT INTO tweet_stats (tweet_id, likes, like_bucket_sizes,"
                + " like_bucket_changes) VALUES (?, ?, ?, ?)");
        this.delete = session.prepare("DELETE FROM tweet_stats WHERE tweet_id = ?");
        this.select =
                session.prepare("SELECT like_bucket_sizes, like_bucket_changes FROM tweet_stats WHERE tweet_id = ?");
    }

    @Override
    void write(AsyncWrites writes, Long tweetId, TweetStats stats) {
        List<Integer> sizes = Arrays.stream(stats.likeBucketSizes()).boxed().toList();
        List<Long> changes = Arrays.stream(stats.likeBucketChanges()).boxed().toList();
        writes.add(insert.bind(tweetId, stats.likes(), sizes, changes));
    }

    @Override
    void erase(AsyncWrites writes, Long tweetId) {
        writes.add(delete.bind(tweetId));
    }

    /**
     * A tweet nobody liked loads as empty counts, not as nothing: Hazelcast keeps no entry for a null, so every page
     * showing such a tweet would ask Cassandra again. The map drops entries an hour unread (hazelcast.yaml).
     */
    @Override
    public TweetStats load(Long tweetId) {
        Row row = session.execute(select.bind(tweetId)).one();
        if (row == null) {
            return TweetStats.empty();
        }
        int[] sizes = row.getList("like_bucket_sizes", Integer.class).stream()
                .mapToInt(Integer::intValue)
                .toArray();
        long[] changes = row.getList("like_bucket_changes", Long.class).stream()
                .mapToLong(Long::longValue)
                .toArray();
        if (sizes.length != LikersKey.BUCKETS || changes.length != LikersKey.BUCKETS) {
            throw new IllegalStateException("tweet_stats of tweet " + tweetId + " has " + sizes.length
                    + " bucket sizes, the grid " + LikersKey.BUCKETS);
        }
        return new TweetStats(sizes, changes);
    }
}
