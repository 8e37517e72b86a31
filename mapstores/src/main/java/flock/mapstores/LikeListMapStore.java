package flock.mapstores;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import flock.domain.engagement.LikeList;
import flock.domain.graph.FollowList;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Write-behind store of the tweets each account likes (or reposted, in tables of their own): one row per like in {@code likes} (written as the follow lists
 * are, only the difference from what Cassandra holds), and the list's version in {@code like_versions}, so that after
 * a restart an account's changes go on from the version the tweets' likers buckets last saw, never below it.
 */
final class LikeListMapStore extends CassandraMapStore<Long, LikeList> {
    private final FollowListMapStore<Long> edges;
    private final PreparedStatement writeVersion;
    private final PreparedStatement deleteVersion;
    private final PreparedStatement readVersion;

    /**
     * @param table {@code likes}, or {@code reposted} (whose edge ids are the reposts' ids)
     * @param versions {@code like_versions} or {@code reposted_versions}
     */
    LikeListMapStore(CqlSession session, String table, String versions) {
        super(session, table);
        this.edges = FollowListMapStore.byUser(session, table);
        this.writeVersion = session.prepare("INSERT INTO " + versions + " (user_id, version) VALUES (?, ?)");
        this.deleteVersion = session.prepare("DELETE FROM " + versions + " WHERE user_id = ?");
        this.readVersion = session.prepare("SELECT version FROM " + versions + " WHERE user_id = ?");
    }

    @Override
    void partitionTableStamp(LongSupplier stamp) {
        edges.partitionTableStamp(stamp);
    }

    @Override
    void write(AsyncWrites writes, Long userId, LikeList likes) {
        edges.write(writes, userId, new FollowList(likes.tweetIds(), likes.edgeIds()));
        writes.add(writeVersion.bind(userId, likes.version()));
    }

    @Override
    void erase(AsyncWrites writes, Long userId) {
        edges.erase(writes, userId);
        writes.add(deleteVersion.bind(userId));
    }

    /**
     * An account that likes nothing loads as an empty list, not as nothing: Hazelcast keeps no entry for a null, so
     * every page's "liked by me" of such a reader would ask Cassandra again.
     */
    @Override
    public LikeList load(Long userId) {
        Row version = session.execute(readVersion.bind(userId)).one();
        FollowList rows = edges.load(userId);
        if (rows == null) {
            return version == null
                    ? LikeList.EMPTY
                    : new LikeList(version.getLong("version"), new long[0], new long[0]);
        }
        // Rows come in like order; the list keeps tweet ids ascending.
        long[] tweetIds = rows.userIds();
        long[] edgeIds = rows.edgeIds();
        Integer[] order = new Integer[tweetIds.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Long.compare(tweetIds[a], tweetIds[b]));
        long[] sortedTweets = new long[order.length];
        long[] sortedEdges = new long[order.length];
        for (int i = 0; i < order.length; i++) {
            sortedTweets[i] = tweetIds[order[i]];
            sortedEdges[i] = edgeIds[order[i]];
        }
        // Both rows are written in one batch; should the version be missing, the newest edge id (a flake id) is above
        // any count of changes, so the account's next version is still newer than any its buckets saw.
        long newest = Arrays.stream(edgeIds).max().orElse(0);
        return new LikeList(version == null ? newest : version.getLong("version"), sortedTweets, sortedEdges);
    }
}
