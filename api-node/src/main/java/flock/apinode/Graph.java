package flock.apinode;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.flakeidgen.FlakeIdGenerator;
import com.hazelcast.map.IMap;
import flock.domain.AddFollow;
import flock.domain.FlockException;
import flock.domain.FollowList;
import flock.domain.MapNames;
import flock.domain.ReadFollowPage;
import flock.domain.RemoveFollow;
import java.util.concurrent.TimeUnit;

/**
 * The follow graph, kept in both directions: {@code following} on the follower's partition and
 * {@code followers} on the followee's. Each side is changed by an idempotent entry processor on its
 * owner, so a retried request repairs a half-applied one instead of duplicating it.
 *
 * <p>The two sides are two operations on two partitions, so a follow and an unfollow of the same pair
 * (a double click) could interleave and leave the sides disagreeing. A follower's edits therefore hold a
 * lock on the follower's key: follows are rare next to reads, and the lock costs two calls only on them.
 */
final class Graph {
    /** Longer than the two entry processors of a follow ever take, short enough to heal after a crash. */
    private static final long LOCK_LEASE_SECONDS = 10;

    private final Accounts accounts;
    private final IMap<Long, FollowList> following;
    private final IMap<Long, FollowList> followers;
    private final FlakeIdGenerator ids;
    private final PullAccounts pullAccounts;

    Graph(HazelcastInstance grid, Accounts accounts, PullAccounts pullAccounts) {
        this.accounts = accounts;
        this.pullAccounts = pullAccounts;
        this.following = grid.getMap(MapNames.FOLLOWING);
        this.followers = grid.getMap(MapNames.FOLLOWERS);
        this.ids = grid.getFlakeIdGenerator(MapNames.ID_GENERATOR);
    }

    void follow(long userId, long targetId) {
        if (userId == targetId) {
            throw FlockException.invalid("targetId: a user cannot follow themselves");
        }
        accounts.require(userId);
        accounts.require(targetId);
        long edgeId = ids.newId();
        whileHoldingFollowerLock(userId, () -> {
            following.executeOnKey(userId, new AddFollow(targetId, edgeId));
            int followerCount = followers.executeOnKey(targetId, new AddFollow(userId, edgeId));
            pullAccounts.followed(userId, targetId, followerCount);
        });
    }

    void unfollow(long userId, long targetId) {
        whileHoldingFollowerLock(userId, () -> {
            following.executeOnKey(userId, new RemoveFollow(targetId));
            followers.executeOnKey(targetId, new RemoveFollow(userId));
            pullAccounts.unfollowed(userId, targetId);
        });
    }

    /**
     * The lease bounds how long a lock can outlive an API node that dies holding it (the grid also frees
     * the locks of a client that disconnects).
     */
    private void whileHoldingFollowerLock(long userId, Runnable edit) {
        following.lock(userId, LOCK_LEASE_SECONDS, TimeUnit.SECONDS);
        try {
            edit.run();
        } finally {
            following.unlock(userId);
        }
    }

    /** One more edge than asked for, so the caller knows whether another page exists. */
    FollowList followingPage(long userId, PageRequest page) {
        return following.executeOnKey(userId, new ReadFollowPage(page.maxId(), page.limit() + 1));
    }

    FollowList followersPage(long userId, PageRequest page) {
        return followers.executeOnKey(userId, new ReadFollowPage(page.maxId(), page.limit() + 1));
    }

    /** Everyone the user follows (read through from Cassandra if not in memory). */
    FollowList allFollowing(long userId) {
        FollowList list = following.get(userId);
        return list == null ? FollowList.EMPTY : list;
    }
}
