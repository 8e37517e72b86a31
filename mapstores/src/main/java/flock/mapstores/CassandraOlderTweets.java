package flock.mapstores;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import flock.domain.timeline.FeedReader;
import flock.domain.timeline.OlderTweets;
import java.util.Arrays;

/**
 * Deep pages of an author's tweets, straight from {@code tweets_by_author}: one partition, read in
 * clustering order (newest first), so a page costs one query however deep it is.
 */
public final class CassandraOlderTweets implements OlderTweets {
    private final CqlSession session;
    private final PreparedStatement select;
    private final PreparedStatement selectWithAudience;

    public CassandraOlderTweets(CqlSession session) {
        this.session = session;
        this.select = session.prepare("SELECT tweet_id FROM tweets_by_author"
                + " WHERE author_id = ? AND tweet_id < ? AND tweet_id > ? LIMIT ?");
        this.selectWithAudience = session.prepare("SELECT tweet_id, audience_also_following FROM tweets_by_author"
                + " WHERE author_id = ? AND tweet_id < ? AND tweet_id > ? LIMIT ?");
    }

    /**
     * Reads on below what it skipped until the page is full or the author's rows end: replies to others are a part of
     * an author's rows, so a page takes one query most of the time.
     */
    @Override
    public long[] authorTweetsBefore(long authorId, long maxId, long sinceId, int limit, FeedReader reader) {
        if (reader == null) {
            return authorTweetsBefore(authorId, maxId, sinceId, limit);
        }
        long[] ids = new long[limit];
        int count = 0;
        long below = maxId;
        while (count < limit) {
            int read = 0;
            for (Row row : session.execute(selectWithAudience.bind(authorId, below, sinceId, limit))) {
                read++;
                below = row.getLong("tweet_id");
                long audience = row.isNull("audience_also_following") ? 0 : row.getLong("audience_also_following");
                if (count < limit && reader.sees(audience)) {
                    ids[count++] = below;
                }
            }
            if (read < limit) {
                break; // the author's rows ended
            }
        }
        return count == limit ? ids : Arrays.copyOf(ids, count);
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
