package flock.apinode.safety;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.flakeidgen.FlakeIdGenerator;
import com.hazelcast.map.IMap;
import flock.apinode.grid.Determinate;
import flock.apinode.paging.PageRequest;
import flock.domain.FlockException;
import flock.domain.MapNames;
import flock.domain.engagement.EdgePage;
import flock.domain.safety.MuteList;
import flock.domain.safety.ReadMutes;
import flock.domain.safety.SetMute;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The accounts each user mutes, on the user's key ({@code muting}): a mute hides an account from its user's home feed
 * (not from its profile, and the muted account notices nothing), for good or until its duration has passed, when it
 * ends by itself.
 */
public final class Mutes {
    /** The longest mute with a duration: a year. Longer is a mute for good, which needs no duration. */
    public static final Duration LONGEST = Duration.ofDays(365);

    private final IMap<Long, MuteList> muting;
    private final FlakeIdGenerator ids;

    public Mutes(HazelcastInstance grid) {
        this.muting = grid.getMap(MapNames.MUTING);
        this.ids = grid.getFlakeIdGenerator(MapNames.ID_GENERATOR);
    }

    /**
     * Mutes the target for the duration, or for good when there is none. Muting again sets the new end. A 400 for a
     * duration outside 1 second to {@link #LONGEST}.
     */
    public void mute(long userId, long targetId, Optional<Duration> duration) {
        if (userId == targetId) {
            throw FlockException.invalid("targetId: a user cannot mute themselves");
        }
        if (duration.isPresent()
                && (duration.get().toSeconds() < 1 || duration.get().compareTo(LONGEST) > 0)) {
            throw FlockException.invalid("durationSeconds: must be 1 to " + LONGEST.toSeconds() + " (a year), or absent"
                    + " for a mute without end; was " + duration.get().toSeconds());
        }
        long now = System.currentTimeMillis();
        long until = duration.map(d -> now + d.toMillis()).orElse(MuteList.FOREVER);
        SetMute mute = SetMute.mute(targetId, ids.newId(), until, now); // one edge id for every attempt
        Determinate.run(() -> muting.executeOnKey(userId, mute));
    }

    /** Ends the mute now; idempotent. */
    public void unmute(long userId, long targetId) {
        SetMute unmute = SetMute.unmute(targetId, System.currentTimeMillis());
        Determinate.run(() -> muting.executeOnKey(userId, unmute));
    }

    /** The mutes still on, newest first; one more than the limit if more exist. */
    public EdgePage page(long userId, PageRequest page) {
        return muting.executeOnKey(userId, new ReadMutes(page.maxId(), page.limit() + 1, System.currentTimeMillis()));
    }

    /** The user's mutes as this node's near cache has them; empty when none. */
    public MuteList of(long userId) {
        return orEmpty(muting.get(userId));
    }

    /** The user's mutes asked for now, to be taken later: empty when none. */
    CompletableFuture<MuteList> prefetch(long userId) {
        return muting.getAsync(userId).toCompletableFuture().thenApply(Mutes::orEmpty);
    }

    private static MuteList orEmpty(MuteList list) {
        return list == null ? MuteList.EMPTY : list;
    }
}
