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

/**
 * The follow graph, kept in both directions: {@code following} on the follower's partition and
 * {@code followers} on the followee's. Each side is changed by an idempotent entry processor on its
 * owner, so a retried request repairs a half-applied one instead of duplicating it.
 */
final class Graph {
    private final Accounts accounts;
    private final IMap<Long, FollowList> following;
    private final IMap<Long, FollowList> followers;
    private final FlakeIdGenerator ids;

    Graph(HazelcastInstance grid, Accounts accounts) {
        this.accounts = accounts;
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
        following.executeOnKey(userId, new AddFollow(targetId, edgeId));
        followers.executeOnKey(targetId, new AddFollow(userId, edgeId));
    }

    void unfollow(long userId, long targetId) {
        following.executeOnKey(userId, new RemoveFollow(targetId));
        followers.executeOnKey(targetId, new RemoveFollow(userId));
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
