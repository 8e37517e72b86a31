package flock.mapstores;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import flock.domain.tweet.Tweet;
import java.time.Instant;
import java.util.List;

/**
 * Write-behind store of tweets. Each tweet is written twice, by id ({@code tweets}) and under its author
 * ({@code tweets_by_author}), the denormalised copy that user timelines and home rebuilds read.
 */
final class TweetMapStore extends CassandraMapStore<Long, Tweet> {
    private final PreparedStatement insert;
    private final PreparedStatement insertByAuthor;
    private final PreparedStatement delete;
    private final PreparedStatement deleteByAuthor;
    private final PreparedStatement select;
    private final PreparedStatement selectAuthor;

    TweetMapStore(CqlSession session) {
        super(session, "tweets");
        this.insert = session.prepare("INSERT INTO tweets (id, author_id, text, created_at, media_ids, in_reply_to_id,"
                + " in_reply_to_author_id, conversation_id, quote_of_id, repost_of_id, mention_ids)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.insertByAuthor =
                session.prepare("INSERT INTO tweets_by_author (author_id, tweet_id, audience_also_following, repost_of)"
                        + " VALUES (?, ?, ?, ?)");
        this.delete = session.prepare("DELETE FROM tweets WHERE id = ?");
        this.deleteByAuthor = session.prepare("DELETE FROM tweets_by_author WHERE author_id = ? AND tweet_id = ?");
        this.select = session.prepare(
                "SELECT id, author_id, text, created_at, media_ids, in_reply_to_id,"
                        + " in_reply_to_author_id, conversation_id, quote_of_id, repost_of_id, mention_ids FROM tweets WHERE id = ?");
        this.selectAuthor = session.prepare("SELECT author_id FROM tweets WHERE id = ?");
    }

    @Override
    void write(AsyncWrites writes, Long id, Tweet tweet) {
        List<Long> media = java.util.Arrays.stream(tweet.mediaIds()).boxed().toList();
        BoundStatement row = insert.bind(
                id,
                tweet.authorId(),
                tweet.text(),
                Instant.ofEpochMilli(tweet.createdAt()),
                media,
                tweet.inReplyToId(),
                tweet.inReplyToAuthorId(),
                tweet.conversationId(),
                tweet.quoteOfId(),
                tweet.repostOfId(),
                java.util.Arrays.stream(tweet.mentionIds()).boxed().toList());
        // Left unset, not null, for a tweet that answers, quotes or reposts nothing: a null is written as a tombstone
        // cell, and every read of the row would step over it (seen as Cassandra's tombstone warnings).
        row = unsetUnless(tweet.isReply(), row, "in_reply_to_id", "in_reply_to_author_id", "conversation_id");
        row = unsetUnless(tweet.isQuote(), row, "quote_of_id");
        row = unsetUnless(tweet.isRepost(), row, "repost_of_id");
        row = unsetUnless(tweet.mentionIds().length > 0, row, "mention_ids");
        writes.add(row);
        BoundStatement byAuthor =
                insertByAuthor.bind(tweet.authorId(), id, tweet.audienceAlsoFollowing(), tweet.repostOfId());
        byAuthor = unsetUnless(tweet.audienceAlsoFollowing() != 0, byAuthor, "audience_also_following");
        writes.add(unsetUnless(tweet.isRepost(), byAuthor, "repost_of"));
    }

    private static BoundStatement unsetUnless(boolean kept, BoundStatement statement, String... columns) {
        BoundStatement result = statement;
        if (!kept) {
            for (String column : columns) {
                result = result.unset(column);
            }
        }
        return result;
    }

    /**
     * The key is all a delete gets, so the author comes from the stored row. A tweet created and deleted
     * within one write-behind delay was never stored (coalescing kept only the delete): nothing to do.
     */
    @Override
    void erase(AsyncWrites writes, Long id) {
        Row row = session.execute(selectAuthor.bind(id)).one();
        if (row != null) {
            writes.add(deleteByAuthor.bind(row.getLong("author_id"), id));
        }
        writes.add(delete.bind(id));
    }

    @Override
    public Tweet load(Long id) {
        Row row = session.execute(select.bind(id)).one();
        if (row == null) {
            return null;
        }
        List<Long> media = row.getList("media_ids", Long.class);
        long tweetId = row.getLong("id");
        boolean reply = !row.isNull("in_reply_to_id");
        return new Tweet(
                tweetId,
                row.getLong("author_id"),
                row.getString("text"),
                row.getInstant("created_at").toEpochMilli(),
                media.stream().mapToLong(Long::longValue).toArray(),
                reply ? row.getLong("in_reply_to_id") : 0,
                reply ? row.getLong("in_reply_to_author_id") : 0,
                reply ? row.getLong("conversation_id") : tweetId,
                row.isNull("quote_of_id") ? 0 : row.getLong("quote_of_id"),
                row.isNull("repost_of_id") ? 0 : row.getLong("repost_of_id"),
                row.isNull("mention_ids")
                        ? Tweet.NO_MENTIONS
                        : row.getList("mention_ids", Long.class).stream()
                                .mapToLong(Long::longValue)
                                .toArray());
    }
}
