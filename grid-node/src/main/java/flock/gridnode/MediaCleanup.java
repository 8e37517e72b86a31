package flock.gridnode;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import flock.domain.FlockException;
import flock.domain.MapNames;
import flock.domain.media.ClaimForCleanup;
import flock.domain.media.Media;
import flock.objectstore.ObjectStore;
import flock.objectstore.ObjectStoreSettings;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes media uploaded but never attached to a tweet, once they are older than {@code flock.media.unattached-ttl}
 * (a day by default), and any a tweet's delete could not remove while the store was down. Every member sweeps the
 * media it owns: it claims each ({@link ClaimForCleanup}: no tweet can attach it any more), removes the bytes, then
 * the metadata. A removal that fails leaves the media claimed, and the next sweep tries again. Runs only on members
 * told where the store is ({@code flock.media.endpoint}).
 */
final class MediaCleanup {
    private static final Logger LOG = LoggerFactory.getLogger(MediaCleanup.class);

    /** Not on a tweet: ready, an upload that never finished, or claimed by a sweep that could not finish. */
    private static final Predicate<Long, Media> CANDIDATES = Predicates.notEqual("state", Media.State.ATTACHED.name());

    private final IMap<Long, Media> media;
    private final ObjectStore store;
    private final Duration unattachedTtl;

    MediaCleanup(HazelcastInstance member, ObjectStore store, Duration unattachedTtl) {
        this.media = member.getMap(MapNames.MEDIA);
        this.store = store;
        this.unattachedTtl = unattachedTtl;
    }

    /**
     * Schedules the sweep when the member knows the store; {@code flock.media.cleanup-every} apart (an hour by
     * default).
     */
    static Optional<ScheduledExecutorService> schedule(HazelcastInstance member, Function<String, String> settings) {
        String endpoint = settings.apply("media.endpoint");
        if (endpoint == null || endpoint.isBlank()) {
            LOG.info("No flock.media.endpoint: this member does not clean up unattached media");
            return Optional.empty();
        }
        ObjectStore store = new ObjectStore(ObjectStoreSettings.from(key -> settings.apply("media." + key)));
        MediaCleanup cleanup = new MediaCleanup(
                member, store, MemberSettings.duration(settings, "media.unattached-ttl", Duration.ofDays(1)));
        long every = MemberSettings.duration(settings, "media.cleanup-every", Duration.ofHours(1))
                .toMillis();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("flock-media-cleanup").factory());
        timer.scheduleWithFixedDelay(cleanup::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
        return Optional.of(timer);
    }

    /** Removes this member's media that are due; answers how many went. */
    int sweep(long nowMillis) {
        ClaimForCleanup claim = new ClaimForCleanup(nowMillis - unattachedTtl.toMillis());
        int removed = 0;
        for (Long id : media.localKeySet(CANDIDATES)) {
            Media claimed = media.executeOnKey(id, claim);
            if (claimed == null) {
                continue; // attached meanwhile, or not old enough
            }
            try {
                store.remove(claimed.objectKey());
            } catch (FlockException storeDown) {
                return removed; // claimed stays claimed; the next sweep goes on from here
            }
            media.delete(id);
            removed++;
        }
        return removed;
    }

    private void sweepQuietly() {
        try {
            int removed = sweep(System.currentTimeMillis());
            if (removed > 0) {
                LOG.info("Removed {} media never attached to a tweet (older than {})", removed, unattachedTtl);
            }
        } catch (RuntimeException e) {
            LOG.warn("Media cleanup failed; the next sweep tries again", e);
        }
    }
}
