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
 * Loads an author's newest tweet ids when the user timeline is not in memory. A loader only: the rows
 * are written by {@link TweetMapStore}, so the timeline itself is never stored twice.
 */
final class UserTimelineLoader implements MapLoader<Long, Timeline> {
    private final CqlSession session;
    private final PreparedStatement select;

    UserTimelineLoader(CqlSession session) {
        this.session = session;
        this.select = session.prepare("SELECT tweet_id FROM tweets_by_author WHERE author_id = ? LIMIT ?");
    }

    /** Always answers a timeline, empty for an author without tweets, so that the miss is cached too. */
    @Override
    public Timeline load(Long authorId) {
        // One row more than memory keeps tells whether older tweets exist (the timeline is then truncated).
        ResultSet rows = session.execute(select.bind(authorId, Timeline.MAX_ENTRIES + 1));
        long[] ids = new long[Timeline.MAX_ENTRIES + 1];
        int count = 0;
        for (Row row : rows) {
            ids[count++] = row.getLong("tweet_id");
        }
        return Timeline.ofNewestFirst(ids, count);
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
