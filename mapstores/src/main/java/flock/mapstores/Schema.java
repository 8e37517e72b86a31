package flock.mapstores;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.hazelcast.logging.ILogger;
import com.hazelcast.logging.Logger;
import java.time.Duration;
import java.util.List;

/**
 * Flock's tables in Cassandra, created idempotently when a member starts. Each table is shaped for the
 * one query the comment above it names; Cassandra is the system of record, the grid the hot copy.
 */
public final class Schema {
    private static final ILogger LOG = Logger.getLogger(Schema.class);
    /** DDL takes 1 to 2.5 s on a small machine; the default 2 s request timeout is too short for it. */
    private static final Duration DDL_TIMEOUT = Duration.ofSeconds(30);

    private Schema() {}

    /**
     * Runs every statement, each waited on until all Cassandra nodes agree on the schema, so that the next one (a
     * table in the keyspace just made) never reaches a node that does not know it yet.
     *
     * <p>The session must not keep schema metadata ({@code setSchemaMetadataEnabled(false)}): a session that does
     * answers each DDL statement only after refreshing its copy of the schema, which the driver batches over a
     * one-second window; with 45 statements that made a member's first start wait 46 s on its own, against 2.5 s
     * without (measured on a single local node).
     */
    public static void create(CqlSession session, CassandraConfig config) {
        if (session.isSchemaMetadataEnabled()) {
            throw new IllegalArgumentException("Schema.create wants a session without schema metadata");
        }
        String keyspace = config.keyspace();
        execute(
                session,
                "CREATE KEYSPACE IF NOT EXISTS " + keyspace
                        + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': "
                        + config.replicationFactor() + "}");
        for (String table : tables()) {
            execute(session, table.replace("KS.", keyspace + "."));
        }
    }

    private static List<String> tables() {
        return List.of(
                // UserMapStore.load: a profile by user id.
                "CREATE TABLE IF NOT EXISTS KS.users (id bigint PRIMARY KEY, handle text, display_name text,"
                        + " created_at timestamp)",
                // HandleMapStore.load: who owns a handle (lower-cased), for unique sign-up and by-handle reads.
                "CREATE TABLE IF NOT EXISTS KS.handles (handle text PRIMARY KEY, user_id bigint)",
                // CredentialMapStore.load: the SHA-256 of a user's bearer token.
                "CREATE TABLE IF NOT EXISTS KS.credentials (user_id bigint PRIMARY KEY, token_hash blob)",
                // FollowListMapStore.load: whom a user follows, most recent follow first.
                "CREATE TABLE IF NOT EXISTS KS.following (user_id bigint, edge_id bigint, other_id bigint,"
                        + " PRIMARY KEY (user_id, edge_id)) WITH CLUSTERING ORDER BY (edge_id DESC)",
                // FollowerHeadMapStore.load: who follows a user (the head of a big list), most recent first.
                "CREATE TABLE IF NOT EXISTS KS.followers (user_id bigint, edge_id bigint, other_id bigint,"
                        + " PRIMARY KEY (user_id, edge_id)) WITH CLUSTERING ORDER BY (edge_id DESC)",
                // FollowerHeadMapStore.load: where the chunks of a big follower list start.
                "CREATE TABLE IF NOT EXISTS KS.follower_chunk_index (user_id bigint PRIMARY KEY,"
                        + " starts list<bigint>, newest_max_edge bigint, newest_routed int)",
                // FollowListMapStore.load (follower_chunks): one chunk of a big follower list, most recent first;
                // the chunk is in the partition key, so no Cassandra partition grows with the account either.
                "CREATE TABLE IF NOT EXISTS KS.follower_chunks (user_id bigint, chunk int, edge_id bigint,"
                        + " other_id bigint, PRIMARY KEY ((user_id, chunk), edge_id))"
                        + " WITH CLUSTERING ORDER BY (edge_id DESC)",
                // TweetMapStore.load: a tweet by id.
                "CREATE TABLE IF NOT EXISTS KS.tweets (id bigint PRIMARY KEY, author_id bigint, text text,"
                        + " created_at timestamp, media_ids list<bigint>)",
                // A reply names the tweet it answers, that tweet's author and its conversation's root; added to
                // tables made before replies, a column at a time (ALTER adds one per statement).
                "ALTER TABLE KS.tweets ADD IF NOT EXISTS in_reply_to_id bigint",
                "ALTER TABLE KS.tweets ADD IF NOT EXISTS in_reply_to_author_id bigint",
                "ALTER TABLE KS.tweets ADD IF NOT EXISTS conversation_id bigint",
                "ALTER TABLE KS.tweets ADD IF NOT EXISTS quote_of_id bigint",
                "ALTER TABLE KS.tweets ADD IF NOT EXISTS repost_of_id bigint",
                // MediaMapStore.load: a media's metadata by id (owner, type, size, state, the tweet it is on).
                "CREATE TABLE IF NOT EXISTS KS.media (id bigint PRIMARY KEY, owner_id bigint, content_type text,"
                        + " size bigint, state text, created_at timestamp, tweet_id bigint)",
                // UserTimelineLoader.load: an author's newest tweet ids (user timelines, home rebuilds).
                "CREATE TABLE IF NOT EXISTS KS.tweets_by_author (author_id bigint, tweet_id bigint,"
                        + " PRIMARY KEY (author_id, tweet_id)) WITH CLUSTERING ORDER BY (tweet_id DESC)",
                // The account a reply answers when it is someone else: home rebuilds keep the reply rule with it.
                "ALTER TABLE KS.tweets_by_author ADD IF NOT EXISTS audience_also_following bigint",
                // What a repost reposts: home rebuilds keep the feed's repost rules with it.
                "ALTER TABLE KS.tweets_by_author ADD IF NOT EXISTS repost_of bigint",
                // TweetMapStore.load: the account each mention of the text named at post time (frozen: written once,
                // as one cell, without the tombstone a list written whole leaves).
                "ALTER TABLE KS.tweets ADD IF NOT EXISTS mention_ids frozen<list<bigint>>",
                // FollowListMapStore.load (blocking): the accounts a user blocks (other_id), most recent block first.
                "CREATE TABLE IF NOT EXISTS KS.blocking (user_id bigint, edge_id bigint, other_id bigint,"
                        + " PRIMARY KEY (user_id, edge_id)) WITH CLUSTERING ORDER BY (edge_id DESC)",
                // MuteListMapStore.load: the accounts a user mutes, each with its edge id and end, in one blob.
                "CREATE TABLE IF NOT EXISTS KS.muting (user_id bigint PRIMARY KEY, mutes blob)",
                // InboxMapStore.load: a user's notification groups, newest first, and the read marker.
                "CREATE TABLE IF NOT EXISTS KS.notifications (user_id bigint, group_id bigint, kind int, subject bigint,"
                        + " latest_at bigint, count int, actor_ids frozen<list<bigint>>, read_up_to bigint static,"
                        + " PRIMARY KEY (user_id, group_id)) WITH CLUSTERING ORDER BY (group_id DESC)",
                // LikeListMapStore.load: the tweets a user likes (other_id), most recent like first.
                "CREATE TABLE IF NOT EXISTS KS.likes (user_id bigint, edge_id bigint, other_id bigint,"
                        + " PRIMARY KEY (user_id, edge_id)) WITH CLUSTERING ORDER BY (edge_id DESC)",
                // LikeListMapStore.load: how many changes a user's likes have had (the version likers buckets check).
                "CREATE TABLE IF NOT EXISTS KS.like_versions (user_id bigint PRIMARY KEY, version bigint)",
                // EdgeBucketMapStore.load: one bucket of a tweet's likers; the bucket is in the partition key, so a
                // viral
                // tweet's likers spread over 16 partitions.
                "CREATE TABLE IF NOT EXISTS KS.likers (tweet_id bigint, bucket int, actor_id bigint, edge_id bigint,"
                        + " version bigint, changes bigint static, PRIMARY KEY ((tweet_id, bucket), actor_id))",
                // EdgeBucketMapStore.load (replies): one bucket of a tweet's replies (actor_id = the reply's id).
                "CREATE TABLE IF NOT EXISTS KS.replies (tweet_id bigint, bucket int, actor_id bigint, edge_id bigint,"
                        + " version bigint, changes bigint static, PRIMARY KEY ((tweet_id, bucket), actor_id))",
                // EdgeBucketMapStore.load (reposts): one bucket of a tweet's reposts (actor_id = the repost's id).
                "CREATE TABLE IF NOT EXISTS KS.reposts (tweet_id bigint, bucket int, actor_id bigint, edge_id bigint,"
                        + " version bigint, changes bigint static, PRIMARY KEY ((tweet_id, bucket), actor_id))",
                // LikeListMapStore.load (reposted): the tweets a user reposted (other_id), the repost's id as edge_id.
                "CREATE TABLE IF NOT EXISTS KS.reposted (user_id bigint, edge_id bigint, other_id bigint,"
                        + " PRIMARY KEY (user_id, edge_id)) WITH CLUSTERING ORDER BY (edge_id DESC)",
                "CREATE TABLE IF NOT EXISTS KS.reposted_versions (user_id bigint PRIMARY KEY, version bigint)",
                // EdgeBucketMapStore.load (quotes): one bucket of a tweet's quotes (actor_id = the quote's id).
                "CREATE TABLE IF NOT EXISTS KS.quotes (tweet_id bigint, bucket int, actor_id bigint, edge_id bigint,"
                        + " version bigint, changes bigint static, PRIMARY KEY ((tweet_id, bucket), actor_id))",
                // TweetStatsMapStore.load: a tweet's counts, and the likers buckets' sizes they sum.
                "CREATE TABLE IF NOT EXISTS KS.tweet_stats (tweet_id bigint PRIMARY KEY, likes int,"
                        + " like_bucket_sizes list<int>, like_bucket_changes list<bigint>)",
                "ALTER TABLE KS.tweet_stats ADD IF NOT EXISTS replies int",
                "ALTER TABLE KS.tweet_stats ADD IF NOT EXISTS reply_bucket_sizes list<int>",
                "ALTER TABLE KS.tweet_stats ADD IF NOT EXISTS reply_bucket_changes list<bigint>",
                "ALTER TABLE KS.tweet_stats ADD IF NOT EXISTS quotes int",
                "ALTER TABLE KS.tweet_stats ADD IF NOT EXISTS quote_bucket_sizes list<int>",
                "ALTER TABLE KS.tweet_stats ADD IF NOT EXISTS quote_bucket_changes list<bigint>",
                "ALTER TABLE KS.tweet_stats ADD IF NOT EXISTS reposts int",
                "ALTER TABLE KS.tweet_stats ADD IF NOT EXISTS repost_bucket_sizes list<int>",
                "ALTER TABLE KS.tweet_stats ADD IF NOT EXISTS repost_bucket_changes list<bigint>",
                // Every kind's bucket reports in one cell (StatsBuckets); the lists above are read only for rows
                // written before it.
                "ALTER TABLE KS.tweet_stats ADD IF NOT EXISTS buckets blob");
    }

    private static void execute(CqlSession session, String cql) {
        session.execute(SimpleStatement.newInstance(cql).setTimeout(DDL_TIMEOUT));
        if (!session.checkSchemaAgreement()) {
            // What the driver itself does when agreement times out: go on, since a node that lags applies the change
            // soon after, and a statement that reaches it first fails and the member's start is retried.
            LOG.warning("Cassandra nodes did not agree on the schema after: " + cql);
        }
    }
}
