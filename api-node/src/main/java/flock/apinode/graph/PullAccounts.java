package flock.apinode.graph;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import flock.domain.MapNames;
import flock.domain.timeline.EditPulledAuthors;
import flock.domain.timeline.FeedChangePublisher;
import flock.domain.timeline.Timeline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/**
 * Accounts in pull mode: too many followers to fan out on write, so each follower's page merges their
 * newest tweets in at read. An account switches once, when a follow takes it past the threshold, and stays
 * pulled (switching back would need a backfill of every follower for little gain).
 *
 * <p>The switch never loses a tweet. The registry first says "migrating" (the fan-out still pushes, new
 * follows already pull), then every cached follower feed learns to pull the account, and only then does
 * the registry say "pull" and the fan-out stop. A feed rebuilt during the switch reads the registry again
 * after it is installed (see HomeFeed.rebuild), so it either sees the account or was there for the pass.
 */
public final class PullAccounts {
    private static final Logger LOG = Logger.getLogger(PullAccounts.class.getName());

    /** Follower feeds edited per call while an account switches: one batch per member, a few KB each. */
    private static final int SWITCH_BATCH = 1_000;

    /** Batches sent before waiting for them: keeps every member busy without queueing 200 calls at once. */
    private static final int SWITCH_BATCHES_IN_FLIGHT = 8;

    private final IMap<Long, String> registry;
    private final Followers followers;
    private final IMap<Long, Timeline> homeTimelines;
    private final FeedChangePublisher changes;
    private final int threshold;

    public PullAccounts(HazelcastInstance grid, int threshold) {
        this.registry = grid.getMap(MapNames.PULL_ACCOUNTS);
        this.followers = new Followers(grid);
        this.homeTimelines = grid.getMap(MapNames.HOME_TIMELINES);
        this.changes = new FeedChangePublisher(grid);
        this.threshold = threshold;
    }

    /**
     * After a follow, under the follower's lock: a follower of an account already pulled (or migrating) pulls
     * it from now on. If the account was not registered yet, either {@link #switchIfTooBig} switches it next,
     * or a switch that began after this read passes over this follower, whose edge is already stored.
     *
     * @return whether the account was already pulled or migrating, so the caller need not ask again
     */
    public boolean followed(long followerId, long followeeId) {
        if (registry.get(followeeId) == null) {
            return false;
        }
        homeTimelines.executeOnKey(followerId, new EditPulledAuthors(followeeId, true));
        changes.changed(followerId);
        return true;
    }

    /**
     * After a follow of an account {@link #followed} found unregistered: switches it if it has just become too
     * big to fan out on write (and nobody switched it meanwhile).
     */
    public void switchIfTooBig(long followeeId, int followerCount) {
        if (followerCount > threshold && registry.get(followeeId) == null) {
            switchToPull(followeeId);
        }
    }

    /** One call whatever the followee: taking off an account the feed does not pull changes nothing. */
    public void unfollowed(long followerId, long followeeId) {
        homeTimelines.executeOnKey(followerId, new EditPulledAuthors(followeeId, false));
        changes.changed(followerId);
    }

    /** The accounts among these that followers pull (migrating ones included). */
    public Set<Long> pulledAmong(long[] accounts) {
        if (accounts.length == 0) {
            return Set.of();
        }
        Set<Long> keys = new HashSet<>(accounts.length * 2);
        for (long account : accounts) {
            keys.add(account);
        }
        Map<Long, String> found = registry.getAll(keys);
        return found.keySet();
    }

    /** Idempotent: two API nodes switching the same account at once both finish it. */
    private void switchToPull(long accountId) {
        long started = System.nanoTime();
        registry.putIfAbsent(accountId, MapNames.PULL_MIGRATING);
        long[] followerIds = followers.all(accountId);
        EditPulledAuthors pull = new EditPulledAuthors(accountId, true);
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        for (int from = 0; from < followerIds.length; from += SWITCH_BATCH) {
            long[] ids = Arrays.copyOfRange(followerIds, from, Math.min(followerIds.length, from + SWITCH_BATCH));
            Set<Long> batch = new HashSet<>(SWITCH_BATCH * 2);
            for (long id : ids) {
                batch.add(id);
            }
            // Each batch's feeds are named once its edit completed: a message per batch, not one of every follower.
            inFlight.add(homeTimelines
                    .submitToKeys(batch, pull)
                    .toCompletableFuture()
                    .thenRun(() -> changes.changed(ids)));
            if (inFlight.size() == SWITCH_BATCHES_IN_FLIGHT) {
                CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                        .join();
                inFlight.clear();
            }
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        registry.set(accountId, MapNames.PULL);
        LOG.info(() -> "account " + accountId + " has " + followerIds.length
                + " followers: switched to pull at read in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }
}
