package flock.apinode.engagement;

import com.hazelcast.core.EntryAdapter;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.MapEvent;
import flock.apinode.grid.MissedEvents;
import flock.domain.FlakeIds;
import flock.domain.engagement.TweetStats;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which shown tweets certainly have no counts yet, known on this node without asking the grid. This node hears every
 * change of {@code tweet_stats} from the moment it starts listening; a tweet posted after that, of which it heard
 * nothing, has no counts. Pages show such tweets most (a new tweet is on every follower's first page): in the
 * DeathStarBench mix their first views were 0.57-0.69 reads of the members a request, none with this (the throughput
 * did not move beyond the runs' spread; docs/benchmarks.md).
 *
 * <p>Only for tweets younger than {@link #WINDOW}: a change event can be lost without the client noticing (a member's
 * full event queue drops it), and the near cache that serves older tweets repairs itself where this cannot; a tweet
 * thus shows no counts for at most that long. A lost connection or a member joining or leaving (events in flight may
 * be gone) makes the node forget all it heard and start again.
 */
final class FreshCounts {
    /** How long after it is posted a tweet's counts are known here; after it, they are read through the near cache. */
    static final Duration WINDOW = Duration.ofMinutes(10);

    /** Flake ids carry their member's clock, this node compares with its own: a minute of skew is allowed for. */
    static final long CLOCK_MARGIN_MILLIS = 60_000;

    private static final long PRUNE_EVERY_MILLIS = 10_000;

    private final long windowMillis;
    private final Set<Long> changed = ConcurrentHashMap.newKeySet();
    private volatile long knownSinceMillis;
    private volatile long prunedAtMillis;

    private final long clockMarginMillis;

    FreshCounts(long windowMillis, long nowMillis) {
        this(windowMillis, nowMillis, CLOCK_MARGIN_MILLIS);
    }

    FreshCounts(long windowMillis, long nowMillis, long clockMarginMillis) {
        this.windowMillis = windowMillis;
        this.clockMarginMillis = clockMarginMillis;
        this.knownSinceMillis = nowMillis + clockMarginMillis;
        this.prunedAtMillis = nowMillis;
    }

    /**
     * Listens to every change of the counts before answering, so that nothing changed unheard since it began; each
     * change also takes its tweet out of the counts pages showed ({@link ShownCounts}), which the same events keep.
     */
    static FreshCounts listen(HazelcastInstance grid, IMap<Long, TweetStats> stats, ShownCounts shown) {
        return listen(grid, stats, shown, CLOCK_MARGIN_MILLIS);
    }

    static FreshCounts listen(
            HazelcastInstance grid, IMap<Long, TweetStats> stats, ShownCounts shown, long clockMarginMillis) {
        FreshCounts fresh = new FreshCounts(WINDOW.toMillis(), System.currentTimeMillis(), clockMarginMillis);
        stats.addEntryListener(new Changes(fresh, shown), false);
        MissedEvents.onEach(grid, () -> {
            fresh.forget(System.currentTimeMillis());
            shown.forget();
        });
        return fresh;
    }

    /** Whether the tweet certainly has no counts: posted since this node knows every change, none heard, not old. */
    boolean knownEmpty(long tweetId, long nowMillis) {
        long posted = FlakeIds.millisOf(tweetId);
        return posted > knownSinceMillis && nowMillis - posted < windowMillis && !changed.contains(tweetId);
    }

    void changed(long tweetId, long nowMillis) {
        if (FlakeIds.millisOf(tweetId) > knownSinceMillis) {
            changed.add(tweetId);
        }
        if (nowMillis - prunedAtMillis > PRUNE_EVERY_MILLIS) {
            prunedAtMillis = nowMillis;
            changed.removeIf(
                    id -> nowMillis - FlakeIds.millisOf(id) >= windowMillis); // read through the near cache now
        }
    }

    /** Events may have been missed: only tweets posted from now on are known again. */
    void forget(long nowMillis) {
        knownSinceMillis = nowMillis + clockMarginMillis;
        changed.clear();
    }

    int changedKept() {
        return changed.size();
    }

    /**
     * Any event of a tweet's counts (created by a first like or response, changed, taken out, loaded, merged, evicted):
     * that tweet is asked for from now on. A whole map's event (cleared, evicted) forgets everything.
     */
    private static final class Changes extends EntryAdapter<Long, TweetStats> {
        private final FreshCounts fresh;
        private final ShownCounts shown;

        Changes(FreshCounts fresh, ShownCounts shown) {
            this.fresh = fresh;
            this.shown = shown;
        }

        @Override
        public void onEntryEvent(EntryEvent<Long, TweetStats> event) {
            shown.changed(event.getKey());
            fresh.changed(event.getKey(), System.currentTimeMillis());
        }

        @Override
        public void onMapEvent(MapEvent event) {
            shown.forget();
            fresh.forget(System.currentTimeMillis());
        }
    }
}
