package flock.mapstores;

import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MapConfig;
import flock.domain.FlakeIds;
import java.util.concurrent.TimeUnit;

/**
 * Which tweets' counts Cassandra cannot hold unless the grid holds them too, so that loading them would be a read for
 * nothing. A page shows counts for every tweet on it, and a tweet nobody reacted to has no entry until a page asks: for
 * the newest tweets, which pages show most, every first look was a Cassandra read of a row that cannot exist.
 *
 * <p>Counts reach Cassandra only written behind from the grid's entry. So a row exists without an entry only if the
 * entry left memory: it was dropped unread for the map's max-idle time, or the members that held it all went (a full
 * restart, or more failures at once than the map has backups). A tweet posted after this member started (the cluster's
 * memory of it began after the tweet existed) and younger than the max-idle time can have lost its entry in neither
 * way, short of losing more members at once than the backups cover, where the grid's other maps lose their entries too.
 * A minute's margin at both ends covers clocks that differ between members.
 *
 * @param startedAtMillis when this member's store started; {@link Long#MAX_VALUE} before that (every tweet is loaded)
 * @param maxIdleMillis how long the map surely keeps an entry (max-idle, or time-to-live if shorter); 0 for good
 */
record CountsHorizon(long startedAtMillis, long maxIdleMillis) {
    static final long CLOCK_MARGIN_MILLIS = 60_000;

    /** Before the store starts: nothing is known to be absent. */
    static final CountsHorizon LOAD_EVERYTHING = new CountsHorizon(Long.MAX_VALUE, 0);

    /**
     * The horizon of a store started now over the map as configured: entries leave memory unread after max-idle-seconds
     * or, whatever happens to them, after time-to-live-seconds, whichever comes first. A map that also evicts by size can
     * drop any entry at any time, so then every tweet is loaded.
     */
    static CountsHorizon of(MapConfig map, long nowMillis) {
        if (map.getEvictionConfig().getEvictionPolicy() != EvictionPolicy.NONE) {
            return LOAD_EVERYTHING;
        }
        long kept = keptFor(map.getMaxIdleSeconds(), map.getTimeToLiveSeconds());
        return new CountsHorizon(nowMillis, TimeUnit.SECONDS.toMillis(kept));
    }

    /** The shorter of two limits in seconds where 0 means none; 0 if neither is set. */
    private static long keptFor(int maxIdleSeconds, int timeToLiveSeconds) {
        if (maxIdleSeconds == 0 || timeToLiveSeconds == 0) {
            return Math.max(maxIdleSeconds, timeToLiveSeconds);
        }
        return Math.min(maxIdleSeconds, timeToLiveSeconds);
    }

    /** Whether the tweet's counts are certainly not in Cassandra when the grid has no entry for them. */
    boolean onlyInMemory(long tweetId, long nowMillis) {
        if (startedAtMillis == Long.MAX_VALUE) {
            return false;
        }
        long posted = FlakeIds.millisOf(tweetId);
        boolean postedSinceStart = posted > startedAtMillis + CLOCK_MARGIN_MILLIS;
        boolean neverIdleLongEnough = maxIdleMillis == 0 || nowMillis - posted < maxIdleMillis - CLOCK_MARGIN_MILLIS;
        return postedSinceStart && neverIdleLongEnough;
    }
}
