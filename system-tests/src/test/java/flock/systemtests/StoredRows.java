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
    private final PreparedStatement blocking;
    private final PreparedStatement likers;
    private final PreparedStatement likeCount;
    private final PreparedStatement replies;
    private final PreparedStatement replyCount;

    StoredRows(CassandraServer cassandra, FlockStack stack) {
        CassandraConfig config = CassandraConfig.fromMap(
                Map.of("contact-points", cassandra.contactPoint(), "keyspace", stack.keyspace()));
        session = CassandraSessions.open(config, Duration.ofMinutes(1));
        tweet = session.prepare("SELECT id FROM tweets WHERE id = ?");
        byAuthor = session.prepare("SELECT tweet_id FROM tweets_by_author WHERE author_id = ?");
        following = session.prepare("SELECT other_id FROM following WHERE user_id = ?");
        followers = session.prepare("SELECT other_id FROM followers WHERE user_id = ?");
        blocking = session.prepare("SELECT other_id FROM blocking WHERE user_id = ?");
        likers = session.prepare("SELECT actor_id FROM likers WHERE tweet_id = ? AND bucket = ?");
        likeCount = session.prepare("SELECT likes FROM tweet_stats WHERE tweet_id = ?");
        replies = session.prepare("SELECT actor_id FROM replies WHERE tweet_id = ? AND bucket = ?");
        replyCount = session.prepare("SELECT replies FROM tweet_stats WHERE tweet_id = ?");
    }

    /** Waits until every member's write-behind queues are empty: what was acknowledged is in Cassandra then. */
    static void awaitWriteBehind(FlockStack stack) {
        flock.testkit.StackMetrics metrics = new flock.testkit.StackMetrics(stack);
        org.awaitility.Awaitility.await("the write-behind queues to drain")
                .atMost(Duration.ofMinutes(3))
                .ignoreExceptions()
                .until(() -> metrics.sum(flock.testkit.StackMetrics.WRITE_BEHIND_PENDING) == 0);
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

    Set<String> blocking(String userId) {
        return column(blocking, userId, "other_id");
    }

    /** Every account in the tweet's likers buckets. */
    Set<String> likersOf(String tweetId) {
        return inBuckets(likers, tweetId);
    }

    /** Every reply in the tweet's replies buckets. */
    Set<String> repliesOf(String tweetId) {
        return inBuckets(replies, tweetId);
    }

    private Set<String> inBuckets(PreparedStatement statement, String tweetId) {
        Set<String> members = new HashSet<>();
        for (int bucket = 0; bucket < flock.domain.engagement.BucketKey.BUCKETS; bucket++) {
            session.execute(statement.bind(Long.parseLong(tweetId), bucket)).forEach(row -> {
                if (!row.isNull("actor_id")) {
                    members.add(String.valueOf(row.getLong("actor_id")));
                }
            });
        }
        return members;
    }

    /** The like count stored for the tweet, 0 if none is. */
    int likeCount(String tweetId) {
        return count(likeCount, tweetId, "likes");
    }

    /** The reply count stored for the tweet, 0 if none is. */
    int replyCount(String tweetId) {
        return count(replyCount, tweetId, "replies");
    }

    private int count(PreparedStatement statement, String tweetId, String column) {
        var row = session.execute(statement.bind(Long.parseLong(tweetId))).one();
        return row == null || row.isNull(column) ? 0 : row.getInt(column);
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
