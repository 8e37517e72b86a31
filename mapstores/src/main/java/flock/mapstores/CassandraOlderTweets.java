package flock.mapstores;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import flock.domain.timeline.OlderTweets;
import java.util.Arrays;

/**
 * Deep pages of an author's tweets, straight from {@code tweets_by_author}: one partition, read in
 * clustering order (newest first), so a page costs one query however deep it is.
 */
public final class CassandraOlderTweets implements OlderTweets {
    private final CqlSession session;
    private final PreparedStatement select;

    public CassandraOlderTweets(CqlSession session) {
        this.session = session;
        this.select = session.prepare("SELECT tweet_id FROM tweets_by_author"
                + " WHERE author_id = ? AND tweet_id < ? AND tweet_id > ? LIMIT ?");
    }

    @Override
    public long[] authorTweetsBefore(long authorId, long maxId, long sinceId, int limit) {
        long[] ids = new long[limit];
        int count = 0;
        for (Row row : session.execute(select.bind(authorId, maxId, sinceId, limit))) {
            ids[count++] = row.getLong("tweet_id");
        }
        return count == limit ? ids : Arrays.copyOf(ids, count);
    }
}
