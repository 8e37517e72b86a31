package flock.mapstores;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.hazelcast.map.MapLoader;
import flock.domain.timeline.Timeline;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads an author's newest tweet ids and their tweet count when the user timeline is not in memory. A loader
 * only: the rows are written by {@link TweetMapStore}, so neither the timeline nor the count is stored twice,
 * and the count can never disagree with the author's rows.
 */
final class UserTimelineLoader implements MapLoader<Long, Timeline> {
    private final CqlSession session;
    private final PreparedStatement select;
    private final PreparedStatement countRows;

    UserTimelineLoader(CqlSession session) {
        this.session = session;
        this.select = session.prepare(
                "SELECT tweet_id, audience_also_following, repost_of FROM tweets_by_author WHERE author_id = ? LIMIT ?");
        this.countRows = session.prepare("SELECT COUNT(*) FROM tweets_by_author WHERE author_id = ?");
    }

    /** Always answers a timeline, empty for an author without tweets, so that the miss is cached too. */
    @Override
    public Timeline load(Long authorId) {
        // One row more than memory keeps tells whether older tweets exist (the timeline is then truncated).
        ResultSet rows = session.execute(select.bind(authorId, Timeline.MAX_ENTRIES + 1));
        long[] ids = new long[Timeline.MAX_ENTRIES + 1];
        long[] audiences = new long[Timeline.MAX_ENTRIES + 1];
        long[] originals = new long[Timeline.MAX_ENTRIES + 1];
        int count = 0;
        for (Row row : rows) {
            audiences[count] = row.isNull("audience_also_following") ? 0 : row.getLong("audience_also_following");
            originals[count] = row.isNull("repost_of") ? 0 : row.getLong("repost_of");
            ids[count++] = row.getLong("tweet_id");
        }
        Timeline timeline = Timeline.ofNewestFirst(ids, count);
        for (int i = 0; i < Math.min(count, Timeline.MAX_ENTRIES); i++) {
            if (audiences[i] != 0) {
                timeline.narrow(ids[i], audiences[i]); // a reply to someone else (Timeline#insert(long, long))
            }
            if (originals[i] != 0) {
                timeline.markRepost(ids[i], originals[i]); // a repost (Timeline#insertRepost)
            }
        }
        // Most authors have fewer tweets than memory keeps, and the rows just read are all of them; only a
        // prolific author's older rows are counted, once, in Cassandra.
        timeline.setTweetCount(timeline.truncated() ? countAll(authorId) : count);
        return timeline;
    }

    private long countAll(long authorId) {
        return session.execute(countRows.bind(authorId)).one().getLong(0);
    }

    @Override
    public Map<Long, Timeline> loadAll(Collection<Long> authorIds) {
        Map<Long, Timeline> found = new HashMap<>();
        for (Long authorId : authorIds) {
            found.put(authorId, load(authorId));
        }
        return found;
    }

    @Override
    public Iterable<Long> loadAllKeys() {
        return null;
    }
}
