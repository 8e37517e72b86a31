package flock.gridnode;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import flock.domain.MapNames;
import flock.domain.timeline.EvictIdleFeed;
import flock.domain.timeline.FeedChangePublisher;
import flock.domain.timeline.Timeline;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps home feeds for active users only. Every member sweeps the feeds it owns and evicts those unread
 * for the idle period; an evicted feed gets no fan-out (the job only updates feeds in memory) and is
 * rebuilt before its owner's next page is answered.
 *
 * <p>Why not the map's max-idle setting: every fan-out insert counts as an access, so the feed of anyone
 * following an active account would never go idle. The feed carries its owner's last read instead.
 */
final class IdleFeedEviction {
    private static final Logger LOG = LoggerFactory.getLogger(IdleFeedEviction.class);

    /** Feeds evicted per call: one batch per member holds a few thousand keys at most. */
    private static final int BATCH = 5_000;

    private final IMap<Long, Timeline> homeTimelines;
    private final FeedChangePublisher changes;
    private final Duration idleAfter;

    IdleFeedEviction(HazelcastInstance member, Duration idleAfter) {
        this.homeTimelines = member.getMap(MapNames.HOME_TIMELINES);
        this.changes = new FeedChangePublisher(member);
        this.idleAfter = idleAfter;
    }

    /** Sweeps a tenth of the idle period apart (at most hourly), so a feed lives at most 10% longer. */
    ScheduledExecutorService schedule() {
        long every = Math.min(idleAfter.toMillis() / 10, Duration.ofHours(1).toMillis());
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("flock-idle-feeds").factory());
        timer.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
        return timer;
    }

    /** Evicts this member's feeds unread since {@code now - idleAfter}; answers how many went. */
    int sweep(long nowMillis) {
        long idleBefore = nowMillis - idleAfter.toMillis();
        Set<Long> candidates = homeTimelines.localKeySet(Predicates.lessThan("lastReadMillis", idleBefore));
        int evicted = 0;
        Set<Long> batch = new HashSet<>();
        for (Long key : candidates) {
            batch.add(key);
            if (batch.size() == BATCH) {
                evicted += evict(batch, idleBefore);
                batch.clear();
            }
        }
        return evicted + evict(batch, idleBefore);
    }

    private int evict(Set<Long> keys, long idleBefore) {
        if (keys.isEmpty()) {
            return 0;
        }
        Map<Long, Boolean> results = homeTimelines.executeOnKeys(keys, new EvictIdleFeed(idleBefore));
        long[] evicted = results.entrySet().stream()
                .filter(result -> Boolean.TRUE.equals(result.getValue()))
                .mapToLong(Map.Entry::getKey)
                .toArray();
        changes.changed(evicted);
        return evicted.length;
    }

    private void sweepQuietly() {
        try {
            long started = System.nanoTime();
            int evicted = sweep(System.currentTimeMillis());
            if (evicted > 0) {
                LOG.info(
                        "Evicted {} home feeds unread for {} in {} ms",
                        evicted,
                        idleAfter,
                        (System.nanoTime() - started) / 1_000_000);
            }
        } catch (RuntimeException e) {
            LOG.warn("Idle feed sweep failed; the next one retries", e);
        }
    }
}
