package flock.apinode.render;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.map.listener.MapListener;
import flock.apinode.grid.MissedEvents;
import flock.domain.MapNames;
import flock.domain.account.User;
import flock.domain.tweet.Tweet;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Each tweet's JSON as a page shows it (author included), rendered once on this API node and kept, so that a page
 * is a concatenation of byte arrays rather than two near-cache reads and a render per tweet: those were three fifths
 * of an API node's CPU for a home page (a profile of the home-pages benchmark). Tweets never change once posted, so
 * what is kept stays right until the tweet is deleted or its author's profile changes.
 *
 * <p>Kept right by: the delete itself on this node ({@link #forget}, before the delete is acknowledged); on the
 * other nodes, the grid's removal event for the tweet, and a change of any profile (they never change today, so
 * that clears everything); a reconnect or a membership change (events may have been missed) clears everything too.
 * A removed tweet's id is remembered for {@link #TOMBSTONE_NANOS}: the removal event and the near cache's
 * invalidation travel apart, so a render from a near cache not yet invalidated must not be kept or served.
 *
 * <p>The race between a render and a removal: a render takes {@link #generation} before it reads the tweet and
 * hands it to {@link #keep}, which puts the JSON in and takes it out again if the generation moved meanwhile; a
 * removal bumps the generation before it takes the JSON out (the same argument as the feed heads').
 */
public final class RenderedTweets {
    /** How long a removed tweet is refused: far beyond any delay between the grid's two events of one removal. */
    static final long TOMBSTONE_NANOS = 60_000_000_000L;

    private final ConcurrentHashMap<Long, byte[]> rendered = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Long> removedAtNanos = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong lastSweepNanos = new AtomicLong(System.nanoTime());
    private final int capacity;

    /** @param capacity tweets kept at most (about 0.4 KB each); 0 keeps none, every page is rendered whole */
    public RenderedTweets(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be 0 or more, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** Listens for what makes kept JSON wrong before anything is kept, so no change comes in unheard. */
    public static RenderedTweets register(HazelcastInstance grid, int capacity) {
        RenderedTweets kept = new RenderedTweets(capacity);
        grid.<Long, Tweet>getMap(MapNames.TWEETS)
                .addEntryListener((EntryRemovedListener<Long, Tweet>) event -> kept.forget(event.getKey()), false);
        grid.<Long, User>getMap(MapNames.USERS).addEntryListener(new ProfileChanges(kept), false);
        MissedEvents.onEach(grid, kept::clear);
        return kept;
    }

    /** A profile changed or went: every tweet of its author embeds it, and none are indexed by author. */
    private record ProfileChanges(RenderedTweets kept)
            implements MapListener, EntryUpdatedListener<Long, User>, EntryRemovedListener<Long, User> {
        @Override
        public void entryUpdated(com.hazelcast.core.EntryEvent<Long, User> event) {
            kept.clear();
        }

        @Override
        public void entryRemoved(com.hazelcast.core.EntryEvent<Long, User> event) {
            kept.clear();
        }
    }

    /** To take before reading the tweets a render needs, and to hand to {@link #keep}. */
    public long generation() {
        return generation.get();
    }

    /** The tweet's kept JSON, or null. */
    public byte[] get(long tweetId) {
        return rendered.get(tweetId);
    }

    /** True while the tweet's removal is recent: whatever a near cache still answers for it must not be shown. */
    public boolean removed(long tweetId) {
        if (removedAtNanos.isEmpty()) {
            return false; // the usual case: no delete in the last minute, and no lookup
        }
        Long at = removedAtNanos.get(tweetId);
        return at != null && System.nanoTime() - at < TOMBSTONE_NANOS;
    }

    /** Keeps a tweet's JSON rendered from values read at {@code generationBefore}, unless a removal came since. */
    public void keep(long tweetId, long generationBefore, byte[] json) {
        if (capacity == 0 || removed(tweetId)) {
            return;
        }
        if (rendered.size() >= capacity) {
            evictSome();
        }
        rendered.put(tweetId, json);
        if (generation.get() != generationBefore) {
            rendered.remove(tweetId, json);
        }
    }

    /** The tweet was deleted: never serve its JSON from here again. */
    public void forget(long tweetId) {
        long now = System.nanoTime();
        generation.incrementAndGet();
        removedAtNanos.put(tweetId, now);
        rendered.remove(tweetId);
        dropOldTombstones(now);
    }

    /** Forgets every tweet's JSON, and makes every render in flight drop what it read. */
    public void clear() {
        generation.incrementAndGet();
        rendered.clear();
    }

    public int size() {
        return rendered.size();
    }

    /** At most once a second, so that a burst of deletes does not walk the tombstones once per delete. */
    private void dropOldTombstones(long now) {
        long last = lastSweepNanos.get();
        if (now - last < 1_000_000_000L || !lastSweepNanos.compareAndSet(last, now)) {
            return;
        }
        for (Iterator<Map.Entry<Long, Long>> tombstones =
                        removedAtNanos.entrySet().iterator();
                tombstones.hasNext(); ) {
            if (now - tombstones.next().getValue() >= TOMBSTONE_NANOS) {
                tombstones.remove();
            }
        }
    }

    /** Makes room: drops an eighth, whichever the map yields first (cheap, and rendered again on demand). */
    private void evictSome() {
        int drop = Math.max(1, capacity / 8);
        Iterator<Long> keys = rendered.keySet().iterator();
        while (drop-- > 0 && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }
}
