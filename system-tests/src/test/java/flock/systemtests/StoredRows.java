package flock.systemtests;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import flock.mapstores.CassandraConfig;
import flock.mapstores.CassandraSessions;
import flock.testkit.CassandraServer;
import flock.testkit.FlockStack;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the write-behind stored in a stack's Cassandra keyspace, read straight from its tables: the fault tests count
 * the writes the API acknowledged against it.
 */
final class StoredRows implements AutoCloseable {
    private final CqlSession session;
    private final PreparedStatement tweet;
    private final PreparedStatement byAuthor;
    private final PreparedStatement following;
    private final PreparedStatement followers;
    private final PreparedStatement likers;
    private final PreparedStatement likeCount;

    StoredRows(CassandraServer cassandra, FlockStack stack) {
        CassandraConfig config = CassandraConfig.fromMap(
                Map.of("contact-points", cassandra.contactPoint(), "keyspace", stack.keyspace()));
        session = CassandraSessions.open(config, Duration.ofMinutes(1));
        tweet = session.prepare("SELECT id FROM tweets WHERE id = ?");
        byAuthor = session.prepare("SELECT tweet_id FROM tweets_by_author WHERE author_id = ?");
        following = session.prepare("SELECT other_id FROM following WHERE user_id = ?");
        followers = session.prepare("SELECT other_id FROM followers WHERE user_id = ?");
        likers = session.prepare("SELECT actor_id FROM likers WHERE tweet_id = ? AND bucket = ?");
        likeCount = session.prepare("SELECT likes FROM tweet_stats WHERE tweet_id = ?");
    }

    boolean hasTweet(String id) {
        return session.execute(tweet.bind(Long.parseLong(id))).one() != null;
    }

    /** The author's index of tweet ids (tweets_by_author), as strings like the API's ids. */
    Set<String> tweetsBy(String authorId) {
        return column(byAuthor, authorId, "tweet_id");
    }

    Set<String> following(String userId) {
        return column(following, userId, "other_id");
    }

    /** The followers of an account small enough to keep its list in one head (no chunks). */
    Set<String> followers(String userId) {
        return column(followers, userId, "other_id");
    }

    /** Every account in the tweet's likers buckets. */
    Set<String> likersOf(String tweetId) {
        Set<String> accounts = new HashSet<>();
        for (int bucket = 0; bucket < flock.domain.engagement.BucketKey.BUCKETS; bucket++) {
            session.execute(likers.bind(Long.parseLong(tweetId), bucket)).forEach(row -> {
                if (!row.isNull("actor_id")) {
                    accounts.add(String.valueOf(row.getLong("actor_id")));
                }
            });
        }
        return accounts;
    }

    /** The like count stored for the tweet, 0 if none is. */
    int likeCount(String tweetId) {
        var row = session.execute(likeCount.bind(Long.parseLong(tweetId))).one();
        return row == null ? 0 : row.getInt("likes");
    }

    private Set<String> column(PreparedStatement statement, String key, String column) {
        Set<String> values = new HashSet<>();
        session.execute(statement.bind(Long.parseLong(key)))
                .forEach(row -> values.add(String.valueOf(row.getLong(column))));
        return values;
    }

    @Override
    public void close() {
        session.close();
    }
}
