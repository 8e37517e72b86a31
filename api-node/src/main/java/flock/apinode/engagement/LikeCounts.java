package flock.apinode.engagement;

import com.hazelcast.map.IMap;
import flock.domain.engagement.CountLikes;
import flock.domain.engagement.TweetStats;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Like counts as this API node shows them on pages. A count read from the grid is served for {@link #FRESH_NANOS};
 * after that it is still served, while one call in the background reads it again (one per batch of stale counts, never
 * two for the same tweet at once). So a page waits for the grid only for tweets this node has never shown, and a count
 * is at most about a second and a round trip behind the grid's, inside the API's two seconds.
 */
final class LikeCounts {
    static final long FRESH_NANOS = 1_000_000_000L;

    private final IMap<Long, TweetStats> stats;
    private final int capacity;
    /** Tweet id to {count, nanoTime when read}. */
    private final ConcurrentHashMap<Long, long[]> counts = new ConcurrentHashMap<>();

    private final Set<Long> renewing = ConcurrentHashMap.newKeySet();

    LikeCounts(IMap<Long, TweetStats> stats, int capacity) {
        this.stats = stats;
        this.capacity = capacity;
    }

    /** The like counts of the first {@code count} tweets. */
    int[] of(long[] ids, int count) {
        long now = System.nanoTime();
        int[] likes = new int[count];
        Set<Long> unknown = null;
        Set<Long> stale = null;
        for (int i = 0; i < count; i++) {
            long[] known = counts.get(ids[i]);
            if (known == null) {
                unknown = add(unknown, ids[i]);
                continue;
            }
            likes[i] = (int) known[0];
            if (now - known[1] > FRESH_NANOS && renewing.add(ids[i])) {
                stale = add(stale, ids[i]);
            }
        }
        if (stale != null) {
            Set<Long> renew = stale;
            stats.submitToKeys(renew, new CountLikes()).whenComplete((read, failure) -> {
                if (read != null) {
                    keep(read, System.nanoTime());
                }
                renewing.removeAll(renew); // a failed renewal is tried again by the next page
            });
        }
        if (unknown != null) {
            Map<Long, Integer> read = stats.executeOnKeys(unknown, new CountLikes());
            keep(read, now);
            for (int i = 0; i < count; i++) {
                Integer found = read.get(ids[i]);
                if (found != null) {
                    likes[i] = found;
                }
            }
        }
        return likes;
    }

    /** The count of one tweet, read now: after this node's own like, its liker sees it at once. */
    int fresh(long tweetId) {
        Map<Long, Integer> read = stats.executeOnKeys(Set.of(tweetId), new CountLikes());
        keep(read, System.nanoTime());
        Integer likes = read.get(tweetId);
        return likes == null ? 0 : likes;
    }

    private void keep(Map<Long, Integer> read, long readAt) {
        if (counts.size() + read.size() > capacity) {
            evictSome();
        }
        read.forEach((id, likes) -> counts.put(id, new long[] {likes, readAt}));
    }

    /** Makes room: drops an eighth, whichever the map yields first (read again when next shown). */
    private void evictSome() {
        int drop = Math.max(1, capacity / 8);
        Iterator<Long> ids = counts.keySet().iterator();
        while (drop-- > 0 && ids.hasNext()) {
            ids.next();
            ids.remove();
        }
    }

    private static Set<Long> add(Set<Long> set, long id) {
        Set<Long> to = set == null ? new HashSet<>() : set;
        to.add(id);
        return to;
    }
}
