package flock.gridnode;

import com.hazelcast.core.HazelcastInstance;
import flock.domain.MapNames;
import java.util.List;

/**
 * The SQL mappings of the grid's maps, for analysts who query the live data (Hazelcast SQL). Each member creates them
 * when it starts; {@code CREATE OR REPLACE} makes that idempotent, and a changed mapping replaces the old one.
 * Columns take readable snake_case names over the Compact fields. Token hashes ({@code credentials}) are not mapped:
 * no analyst needs them. Arrays (follow lists, timelines) are not columns Hazelcast SQL can read, so a follow list
 * maps to its edge count, and the view {@code follower_counts} sums a big list's head and chunks.
 */
final class SqlMappings {
    /** The view that sums each account's follower list over its head and chunks. */
    static final String FOLLOWER_COUNTS = "follower_counts";

    private static final String FOLLOW_LIST_OPTIONS = " TYPE IMap OPTIONS ('keyFormat'='bigint',"
            + " 'valueFormat'='compact', 'valueCompactTypeName'='flock.FollowList')";

    static final List<String> ALL = List.of(
            // users: id, handle, display_name, created_at (epoch ms)
            "CREATE OR REPLACE MAPPING " + MapNames.USERS + " ("
                    + "__key BIGINT, id BIGINT, handle VARCHAR, display_name VARCHAR EXTERNAL NAME \"this.displayName\","
                    + " created_at BIGINT EXTERNAL NAME \"this.createdAt\")"
                    + " TYPE IMap OPTIONS ('keyFormat'='bigint', 'valueFormat'='compact',"
                    + " 'valueCompactTypeName'='flock.User')",
            // tweets: id, author_id, text, created_at (epoch ms), in_reply_to_id (0 when it answers none),
            // conversation_id (the root of its reply chain; its own id when it answers none), quote_of_id, repost_of_id
            // (0: none)
            "CREATE OR REPLACE MAPPING " + MapNames.TWEETS + " ("
                    + "__key BIGINT, id BIGINT, author_id BIGINT EXTERNAL NAME \"this.authorId\", text VARCHAR,"
                    + " created_at BIGINT EXTERNAL NAME \"this.createdAt\","
                    + " in_reply_to_id BIGINT EXTERNAL NAME \"this.inReplyToId\","
                    + " conversation_id BIGINT EXTERNAL NAME \"this.conversationId\","
                    + " quote_of_id BIGINT EXTERNAL NAME \"this.quoteOfId\","
                    + " repost_of_id BIGINT EXTERNAL NAME \"this.repostOfId\")"
                    + " TYPE IMap OPTIONS ('keyFormat'='bigint', 'valueFormat'='compact',"
                    + " 'valueCompactTypeName'='flock.Tweet')",
            // handles: __key is the lower-cased handle, this the user id (Hazelcast does not rename a plain value)
            "CREATE OR REPLACE MAPPING " + MapNames.HANDLES + " (__key VARCHAR, this BIGINT)"
                    + " TYPE IMap OPTIONS ('keyFormat'='varchar', 'valueFormat'='bigint')",
            // media: id, owner_id, content_type, size, state, created_at, tweet_id
            "CREATE OR REPLACE MAPPING " + MapNames.MEDIA + " ("
                    + "__key BIGINT, id BIGINT, owner_id BIGINT EXTERNAL NAME \"this.ownerId\","
                    + " content_type VARCHAR EXTERNAL NAME \"this.contentType\", size BIGINT, state VARCHAR,"
                    + " created_at BIGINT EXTERNAL NAME \"this.createdAtMillis\","
                    + " tweet_id BIGINT EXTERNAL NAME \"this.tweetId\")"
                    + " TYPE IMap OPTIONS ('keyFormat'='bigint', 'valueFormat'='compact',"
                    + " 'valueCompactTypeName'='flock.Media')",
            // following: __key (the user id), follows (accounts the user follows; that list is never split).
            // Hazelcast does not rename __key; the follower_counts view does.
            "CREATE OR REPLACE MAPPING " + MapNames.FOLLOWING + " ("
                    + "__key BIGINT, follows INT EXTERNAL NAME \"this.edges\")"
                    + FOLLOW_LIST_OPTIONS,
            // followers: __key (the user id), edges (followers in the list's head; a big list goes on in
            // follower_chunks)
            "CREATE OR REPLACE MAPPING " + MapNames.FOLLOWERS + " ("
                    + "__key BIGINT, edges INT EXTERNAL NAME \"this.edges\")"
                    + FOLLOW_LIST_OPTIONS,
            // blocking: __key (the user id), blocks (how many accounts the user blocks; who they are is not a column)
            "CREATE OR REPLACE MAPPING " + MapNames.BLOCKING + " ("
                    + "__key BIGINT, blocks INT EXTERNAL NAME \"this.edges\")"
                    + FOLLOW_LIST_OPTIONS,
            // muting: __key (the user id), mutes (how many accounts the user mutes; ended mutes count until the next
            // change)
            "CREATE OR REPLACE MAPPING " + MapNames.MUTING + " (__key BIGINT, mutes INT)"
                    + " TYPE IMap OPTIONS ('keyFormat'='bigint', 'valueFormat'='compact',"
                    + " 'valueCompactTypeName'='flock.MuteList')",
            // notifications: __key (the user id), unread (groups above the read marker), groups_kept (groups in memory,
            // at most 200), newest_at (epoch millis of the newest group's latest event), read_up_to (the marker)
            "CREATE OR REPLACE MAPPING " + MapNames.NOTIFICATIONS + " (__key BIGINT, unread INT,"
                    + " groups_kept INT EXTERNAL NAME \"this.groups\", newest_at BIGINT EXTERNAL NAME \"this.newestAt\","
                    + " read_up_to BIGINT EXTERNAL NAME \"this.readUpTo\")"
                    + " TYPE IMap OPTIONS ('keyFormat'='bigint', 'valueFormat'='compact',"
                    + " 'valueCompactTypeName'='flock.Inbox')",
            // follower_chunks: user_id, chunk, edges (followers in that chunk)
            "CREATE OR REPLACE MAPPING " + MapNames.FOLLOWER_CHUNKS + " ("
                    + "user_id BIGINT EXTERNAL NAME \"__key.userId\", chunk INT EXTERNAL NAME \"__key.chunk\","
                    + " edges INT EXTERNAL NAME \"this.edges\")"
                    + " TYPE IMap OPTIONS ('keyFormat'='compact', 'keyCompactTypeName'='flock.FollowerChunkKey',"
                    + " 'valueFormat'='compact', 'valueCompactTypeName'='flock.FollowList')",
            // likes: __key (the user id), liked (how many tweets the user likes now), version (changes so far)
            "CREATE OR REPLACE MAPPING " + MapNames.LIKES + " (__key BIGINT, liked INT, version BIGINT)"
                    + " TYPE IMap OPTIONS ('keyFormat'='bigint', 'valueFormat'='compact',"
                    + " 'valueCompactTypeName'='flock.LikeList')",
            // likers: tweet_id, bucket, likers (the accounts in that bucket of the tweet's likers)
            "CREATE OR REPLACE MAPPING " + MapNames.LIKERS + " ("
                    + "tweet_id BIGINT EXTERNAL NAME \"__key.tweetId\", bucket INT EXTERNAL NAME \"__key.bucket\","
                    + " likers INT EXTERNAL NAME \"this.likers\")"
                    + " TYPE IMap OPTIONS ('keyFormat'='compact', 'keyCompactTypeName'='flock.BucketKey',"
                    + " 'valueFormat'='compact', 'valueCompactTypeName'='flock.EdgeBucket')",
            // tweet_stats: __key (the tweet id), likes, replies, quotes, reposts (its counts)
            "CREATE OR REPLACE MAPPING " + MapNames.TWEET_STATS
                    + " (__key BIGINT, likes INT, replies INT, quotes INT, reposts INT)"
                    + " TYPE IMap OPTIONS ('keyFormat'='bigint', 'valueFormat'='compact',"
                    + " 'valueCompactTypeName'='flock.TweetStats')",
            // follower_counts: user_id, followers (head and chunks summed), for every account with a follower list
            "CREATE OR REPLACE VIEW " + FOLLOWER_COUNTS + " AS SELECT user_id, SUM(edges) AS followers FROM ("
                    + "SELECT __key AS user_id, edges FROM " + MapNames.FOLLOWERS
                    + " UNION ALL SELECT user_id, edges FROM " + MapNames.FOLLOWER_CHUNKS + ") GROUP BY user_id");

    private SqlMappings() {}

    /** Creates (or replaces) every mapping. */
    static void create(HazelcastInstance member) {
        for (String ddl : ALL) {
            member.getSql().execute(ddl).close();
        }
    }
}
