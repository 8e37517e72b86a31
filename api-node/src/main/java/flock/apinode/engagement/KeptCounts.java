package flock.apinode.engagement;

import flock.domain.engagement.TweetStats;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each shown tweet's counts as this node last read them through the near cache, kept for at most {@link #FOR_NANOS},
 * so that a page's counts cost a plain map lookup per tweet. A near-cache hit is far dearer than it looks on a page of
 * twenty: a {@code getAll} builds lists and maps, and each hit writes its record's access time and the cache's hit
 * count, lines every core then fights over. Those lookups were a quarter of the API node's CPU for a home page (a
 * profile of the home-pages benchmark).
 *
 * <p>What it costs in freshness: counts shown may be up to {@link #FOR_NANOS} older than the near cache's, which lag
 * the grid by its invalidations' journey. A change this node makes (a like, an unlike) and every change event it hears
 * of a tweet's counts drop that tweet's kept counts at once, so in the usual case a page shows a new count as soon as
 * the near cache has it; the bound covers an event that overtook the near cache's invalidation.
 */
final class KeptCounts {
    /** One second: a count a second old is what every large site shows; a tweet on every feed is read again within it. */
    static final long FOR_NANOS = 1_000_000_000L;

    private record Kept(TweetStats counts, long keptAtNanos) {}

    private final ConcurrentHashMap<Long, Kept> kept = new ConcurrentHashMap<>();
    private final int capacity;

    /** @param capacity tweets kept at most; 0 keeps none */
    KeptCounts(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be 0 or more, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** The tweet's counts kept less than {@link #FOR_NANOS} ago, or null. */
    TweetStats get(long tweetId, long nowNanos) {
        Kept counts = kept.get(tweetId);
        return counts == null || nowNanos - counts.keptAtNanos() >= FOR_NANOS ? null : counts.counts();
    }

    /** Keeps counts just read through the near cache. */
    void keep(long tweetId, TweetStats counts, long nowNanos) {
        if (capacity == 0) {
            return;
        }
        if (kept.size() >= capacity) {
            evictSome();
        }
        kept.put(tweetId, new Kept(counts, nowNanos));
    }

    /** The tweet's counts changed: the next page reads them through the near cache. */
    void forget(long tweetId) {
        kept.remove(tweetId);
    }

    void clear() {
        kept.clear();
    }

    int size() {
        return kept.size();
    }

    /** Makes room: drops an eighth, whichever the map yields first (read again on demand). */
    private void evictSome() {
        int drop = Math.max(1, capacity / 8);
        Iterator<Long> keys = kept.keySet().iterator();
        while (drop-- > 0 && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }
}
