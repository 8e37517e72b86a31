package flock.apinode.timeline;

import flock.domain.timeline.FeedChanges;
import flock.domain.timeline.TimelinePage;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The heads of the home feeds this API node read recently, so that a first page or a poll for new tweets is
 * answered without a grid call when nothing changed (docs/design/feed-head-cache.md). Kept right by the writers'
 * {@link FeedChanges} messages; a lost message, a membership change or a reconnect clears everything, and a head
 * older than the time to live is read again.
 *
 * <p>The race between a fill and a change: a fill takes {@link #generation} before its grid call and hands it to
 * {@link #fill}, which puts the head in and takes it out again if the generation moved meanwhile; a change bumps
 * the generation before it patches or removes the head. Either the change was applied on the member before the
 * fill's read ran there (then the fill saw it), or the generation moved between the two (then the fill takes the
 * head out again, whatever a patch made of it meanwhile), or the message came after the put and patched it.
 *
 * <p>A fan-out's message says which tweets went into which feed, and a cached head takes them in as the feed did
 * (the newest ids of the union, no id twice), so that a post does not send every follower's next page back to the
 * members. Taking the same ids in twice, or two messages in either order, gives the same head. A tweet taken out
 * (a delete, an unfollow) drops the head instead: what lay below it is not known here.
 */
public final class FeedHeads {
    /** Ids a head holds: two default pages and one more, so the usual first page and the next poll fit. */
    public static final int HEAD_IDS = 41;

    /** Stripes of users sharing a generation counter: a change makes only the fills in flight of its stripe retry. */
    private static final int STRIPES = 4_096;

    private final ConcurrentHashMap<Long, Head> heads = new ConcurrentHashMap<>();
    private final AtomicLongArray stripes = new AtomicLongArray(STRIPES);
    private final AtomicLong epoch = new AtomicLong();
    private final Map<String, Long> lastSequence = new ConcurrentHashMap<>();
    private final AtomicLong clears = new AtomicLong();
    private final long timeToLiveNanos;
    private final int capacity;

    /**
     * A feed's head as its owner answered it.
     *
     * @param ids the newest ids of the pushed feed, newest first
     * @param complete the feed held no more than these, so a page past them is empty rather than unknown
     * @param truncated older entries exist in Cassandra
     * @param pulledAuthors accounts whose tweets are merged in at read
     * @param filledAtNanos when the owner answered
     */
    public record Head(long[] ids, boolean complete, boolean truncated, long[] pulledAuthors, long filledAtNanos) {

        /** The head of a feed read with {@code asked} ids from its newest. */
        static Head of(TimelinePage page, int asked, long nowNanos) {
            return new Head(page.ids(), page.ids().length < asked, page.truncated(), page.pulledAuthors(), nowNanos);
        }

        /**
         * The ids of a first page (ids above {@code sinceId}, at most {@code limit}), or null when this head does not
         * hold enough of the feed to know them.
         */
        long[] firstPage(long sinceId, int limit) {
            int end = 0;
            while (end < ids.length && end < limit && ids[end] > sinceId) {
                end++;
            }
            boolean known = end == limit || end < ids.length || complete;
            return known ? java.util.Arrays.copyOf(ids, end) : null;
        }

        /**
         * This head after a fan-out's updates {@code updates[from..to)} of its feed, or null when one took a tweet
         * out. The ids put in join the head where they sort; a head that held the whole feed keeps holding it, up
         * to {@value FeedHeads#HEAD_IDS} ids, and one that held only the newest keeps as many of the newest as it had.
         */
        Head withUpdates(long[] updates, int from, int to) {
            long[] merged = java.util.Arrays.copyOf(ids, ids.length + (to - from));
            int size = ids.length;
            for (int i = from; i < to; i++) {
                long update = updates[i];
                if (update < 0) {
                    return null;
                }
                size = insertNewestFirst(merged, size, update);
            }
            if (size == ids.length) {
                return this; // every id was in already: a message heard twice, or the fill had read the change
            }
            int keep = complete ? Math.max(ids.length, HEAD_IDS) : ids.length;
            return new Head(
                    java.util.Arrays.copyOf(merged, Math.min(size, keep)),
                    complete && size <= keep,
                    truncated,
                    pulledAuthors,
                    filledAtNanos);
        }

        /** Puts {@code id} into the newest-first {@code ids[0..size)} unless there; the new size. */
        private static int insertNewestFirst(long[] ids, int size, long id) {
            int at = 0;
            while (at < size && ids[at] > id) {
                at++;
            }
            if (at < size && ids[at] == id) {
                return size;
            }
            System.arraycopy(ids, at, ids, at + 1, size - at);
            ids[at] = id;
            return size + 1;
        }
    }

    public FeedHeads(java.time.Duration timeToLive, int capacity) {
        this.timeToLiveNanos = timeToLive.toNanos();
        this.capacity = capacity;
    }

    /**
     * The head of the user's feed, or null if none is cached or it has expired. Each user's head lives between half
     * the time to live and all of it, spread by the user id: heads filled together (a burst of readers, a warm-up)
     * then expire apart, instead of all being read again from the members in the same instant.
     */
    public Head get(long userId, long nowNanos) {
        Head head = heads.get(userId);
        if (head == null || nowNanos - head.filledAtNanos() > timeToLiveNanos - spread(userId)) {
            return null;
        }
        return head;
    }

    /** Up to half the time to live, by the user id. */
    private long spread(long userId) {
        return (timeToLiveNanos / 2) / STRIPES * stripe(userId);
    }

    /** The user's generation, to take before the grid call whose answer {@link #fill} will cache. */
    public long generation(long userId) {
        return epoch.get() + stripes.get(stripe(userId));
    }

    /** Caches a head read at {@code generationBefore}, unless a change or a clear came in since. */
    public void fill(long userId, long generationBefore, Head head) {
        if (heads.size() >= capacity) {
            evictSome();
        }
        heads.put(userId, head);
        if (generation(userId) != generationBefore) {
            heads.remove(userId); // not remove(userId, head): a patch may have replaced it, and kept what it lacks
        }
    }

    /**
     * A writer's message: patches the heads of the feeds it names with what it says it did to them, or forgets
     * them if it does not say; forgets everything if a message from that writer went missing.
     */
    public void onChanges(FeedChanges changes) {
        Long last = lastSequence.put(changes.publisher(), changes.sequence());
        if (last != null && changes.sequence() != last + 1) {
            clear();
            return;
        }
        long[] feeds = changes.feeds();
        for (int i = 0; i < feeds.length; i++) {
            long feed = feeds[i];
            stripes.incrementAndGet(stripe(feed));
            if (changes.detailed()) {
                int from = changes.start(i);
                int to = changes.ends()[i];
                heads.computeIfPresent(feed, (user, head) -> head.withUpdates(changes.updates(), from, to));
            } else {
                heads.remove(feed);
            }
        }
    }

    /** Forgets every head, and makes every fill in flight drop what it read. */
    public void clear() {
        epoch.incrementAndGet();
        heads.clear();
        clears.incrementAndGet();
    }

    /** How many times everything was forgotten (a lost message, a membership change, a reconnect). */
    public long clears() {
        return clears.get();
    }

    public int size() {
        return heads.size();
    }

    /** Makes room: drops an eighth of the heads, whichever the map yields first (cheap, and refilled on demand). */
    private void evictSome() {
        int drop = Math.max(1, capacity / 8);
        Iterator<Long> keys = heads.keySet().iterator();
        while (drop-- > 0 && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    private static int stripe(long userId) {
        long mixed = (userId ^ (userId >>> 32)) * 0x9E3779B97F4A7C15L; // flake ids differ most in their low bits
        return (int) (mixed >>> 52); // the top 12 bits: 4,096 stripes
    }
}
