package flock.apinode.graph;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.flakeidgen.FlakeIdGenerator;
import com.hazelcast.map.IMap;
import flock.apinode.account.Accounts;
import flock.apinode.grid.Determinate;
import flock.apinode.paging.PageRequest;
import flock.apinode.safety.Blocks;
import flock.domain.ErrorCode;
import flock.domain.FlockException;
import flock.domain.MapNames;
import flock.domain.account.User;
import flock.domain.graph.AddFollow;
import flock.domain.graph.CountFollows;
import flock.domain.graph.FollowList;
import flock.domain.graph.ReadFollowEdge;
import flock.domain.graph.ReadFollowPage;
import flock.domain.graph.RemoveFollow;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The follow graph, kept in both directions: {@code following} on the follower's partition and the
 * follower list (see {@link Followers}) on the followee's. Each side is changed by an idempotent entry
 * processor on its owner, so a retried request repairs a half-applied one instead of duplicating it. The node
 * retries at once itself when the grid cannot say whether a write applied ({@link Determinate}).
 *
 * <p>Every follower edge has its twin in {@code following}, with the same edge id: a follow writes
 * {@code following} first, an unfollow last. So a retried follow finds its first edge id there and adds the
 * follower under it again (into the same chunk of a big list), and a retried unfollow finds the edge id that
 * says which chunk to take the follower from.
 *
 * <p>The two sides are two operations on two partitions, so a follow and an unfollow of the same pair
 * (a double click) could interleave and leave the sides disagreeing. A follower's edits therefore hold a
 * lock on the follower's key: follows are rare next to reads, and the lock costs two calls only on them.
 */
public final class Graph {
    /** Longer than the entry processors of a follow ever take, short enough to heal after a crash. */
    private static final long LOCK_LEASE_SECONDS = 10;

    private final Accounts accounts;
    private final IMap<Long, FollowList> following;
    private final Followers followers;
    private final FlakeIdGenerator ids;
    private final PullAccounts pullAccounts;
    private final GraphSettings settings;
    private final Blocks blocks;

    /** A profile with the counts the API shows. */
    public record Profile(User user, int followers, int following) {}

    public Graph(
            HazelcastInstance grid,
            Accounts accounts,
            PullAccounts pullAccounts,
            GraphSettings settings,
            Blocks blocks) {
        this.accounts = accounts;
        this.blocks = blocks;
        this.pullAccounts = pullAccounts;
        this.settings = settings;
        this.following = grid.getMap(MapNames.FOLLOWING);
        this.followers = new Followers(grid);
        this.ids = grid.getFlakeIdGenerator(MapNames.ID_GENERATOR);
    }

    public void follow(long userId, long targetId) {
        if (userId == targetId) {
            throw FlockException.invalid("targetId: a user cannot follow themselves");
        }
        accounts.require(userId);
        accounts.require(targetId);
        long newEdgeId = ids.newId(); // one edge id for every attempt
        Followed followed = Determinate.get(() -> whileHoldingFollowerLock(userId, () -> {
            // Under the follower's lock, which a block takes to remove this follow: a block is either seen here, or
            // removes the follow once this one lets go of the lock.
            requireNoBlockBetween(userId, targetId);
            Long edgeId = following.executeOnKey(userId, new AddFollow<>(targetId, newEdgeId, settings.maxFollowing()));
            if (edgeId == null) {
                throw new FlockException(
                        ErrorCode.CONFLICT,
                        "user " + userId + " already follows " + settings.maxFollowing()
                                + " accounts, the most allowed: unfollow one first");
            }
            int count = followers.add(targetId, userId, edgeId, settings.followerChunk());
            return new Followed(count, pullAccounts.followed(userId, targetId));
        }));
        // Outside the lock: a switch walks every follower's feed, which can take longer than the lock's lease.
        if (!followed.alreadyPulled()) {
            pullAccounts.switchIfTooBig(targetId, followed.followers());
        }
    }

    private void requireNoBlockBetween(long userId, long targetId) {
        if (blocks.blocksNow(targetId, userId)) {
            throw FlockException.forbidden(
                    "account " + targetId + " blocks account " + userId + ": it cannot follow it");
        }
        if (blocks.blocksNow(userId, targetId)) {
            throw new FlockException(
                    ErrorCode.CONFLICT, "user " + userId + " blocks " + targetId + ": unblock it before following it");
        }
    }

    /**
     * Blocks the target and removes the follows between the two, both ways: the block first, so that a follow racing
     * it either sees the block or holds the lock the removal waits for (see {@link #follow}). Idempotent.
     */
    public void block(long userId, long targetId) {
        if (userId == targetId) {
            throw FlockException.invalid("targetId: a user cannot block themselves");
        }
        accounts.require(targetId);
        Determinate.run(() -> {
            blocks.add(userId, targetId);
            unfollowOnce(userId, targetId);
            unfollowOnce(targetId, userId);
        });
    }

    /** Takes a block back; the follows it removed stay removed. Idempotent. */
    public void unblock(long userId, long targetId) {
        Determinate.run(() -> blocks.remove(userId, targetId));
    }

    /** What a follow found: the followee's follower count, and whether it was already pulled at read. */
    private record Followed(int followers, boolean alreadyPulled) {}

    /** Idempotent. */
    public void unfollow(long userId, long targetId) {
        Determinate.run(() -> unfollowOnce(userId, targetId));
    }

    private void unfollowOnce(long userId, long targetId) {
        whileHoldingFollowerLock(userId, () -> {
            Long edgeId = following.executeOnKey(userId, new ReadFollowEdge(targetId));
            if (edgeId != null) {
                followers.remove(targetId, userId, edgeId);
                following.executeOnKey(userId, new RemoveFollow<>(targetId));
            }
            pullAccounts.unfollowed(userId, targetId);
            return null;
        });
    }

    /**
     * The lease bounds how long a lock can outlive an API node that dies holding it (the grid also frees
     * the locks of a client that disconnects).
     */
    private <T> T whileHoldingFollowerLock(long userId, Supplier<T> edit) {
        try {
            following.lock(userId, LOCK_LEASE_SECONDS, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            if (Determinate.indeterminate(e)) {
                releaseIfHeld(userId); // the lock may have been taken: a retry would take it a second time (it is
                // reentrant) and leave it held, after its one unlock, until the lease ran out
            }
            throw e;
        }
        try {
            return edit.get();
        } finally {
            following.unlock(userId);
        }
    }

    private void releaseIfHeld(long userId) {
        try {
            following.unlock(userId);
        } catch (IllegalMonitorStateException notTaken) {
            // the lock was not taken after all
        }
    }

    /** The counts are the sizes of the follow lists, asked for in parallel where they live. */
    public Profile profile(User user) {
        CompletionStage<Integer> followerCount = followers.count(user.id());
        CompletionStage<CountFollows.Count> followingCount = following.submitToKey(user.id(), new CountFollows<>());
        return new Profile(
                user,
                followerCount.toCompletableFuture().join(),
                followingCount.toCompletableFuture().join().edges());
    }

    /** One more edge than asked for, so the caller knows whether another page exists. */
    public FollowList followingPage(long userId, PageRequest page) {
        return following.executeOnKey(userId, new ReadFollowPage<>(page.maxId(), page.limit() + 1));
    }

    /** Which of the others follow the user, asked where each one's list lives (one call per member). */
    public java.util.Set<Long> followedBy(long userId, java.util.Set<Long> others) {
        return following.executeOnKeys(others, new ReadFollowEdge(userId)).entrySet().stream()
                .filter(edge -> edge.getValue() != null)
                .map(java.util.Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** The accounts the user blocks, newest block first; one more than the limit if more exist. */
    public FollowList blockingPage(long userId, PageRequest page) {
        return blocks.page(userId, page);
    }

    public FollowList followersPage(long userId, PageRequest page) {
        return followers.page(userId, page.maxId(), page.limit() + 1);
    }

    /** Everyone the user follows (read through from Cassandra if not in memory). */
    public FollowList allFollowing(long userId) {
        FollowList list = following.get(userId);
        return list == null ? FollowList.EMPTY : list;
    }
}
