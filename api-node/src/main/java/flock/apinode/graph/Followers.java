package flock.apinode.graph;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import flock.domain.MapNames;
import flock.domain.graph.AddFollow;
import flock.domain.graph.AddFollower;
import flock.domain.graph.CountFollows;
import flock.domain.graph.FollowList;
import flock.domain.graph.FollowerChunkKey;
import flock.domain.graph.ReadFollowPage;
import flock.domain.graph.RemoveFollow;
import flock.domain.graph.RemoveFollower;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The follower side of the graph. A small list is one value in {@code followers}; a big one is a head
 * there plus chunks in {@code follower_chunks}, ranges of edge ids spread over every partition (see
 * {@code ChunkIndex}). The head decides where each edge goes, so callers only ever need the edge id.
 */
public final class Followers {
    private final IMap<Long, FollowList> heads;
    private final IMap<FollowerChunkKey, FollowList> chunks;

    public Followers(HazelcastInstance grid) {
        this.heads = grid.getMap(MapNames.FOLLOWERS);
        this.chunks = grid.getMap(MapNames.FOLLOWER_CHUNKS);
    }

    /** Adds the edge (idempotent for the same edge id); answers about how many followers the account has. */
    public int add(long accountId, long followerId, long edgeId, int chunkCapacity) {
        AddFollower.Placed placed = heads.executeOnKey(accountId, new AddFollower(followerId, edgeId, chunkCapacity));
        if (placed.chunk() > 0) {
            chunks.executeOnKey(
                    new FollowerChunkKey(accountId, placed.chunk()), AddFollow.uncapped(followerId, edgeId));
        }
        return placed.followers();
    }

    /** Removes the edge; idempotent. */
    public void remove(long accountId, long followerId, long edgeId) {
        int chunk = heads.executeOnKey(accountId, new RemoveFollower(followerId, edgeId));
        if (chunk > 0) {
            chunks.executeOnKey(new FollowerChunkKey(accountId, chunk), new RemoveFollow<>(followerId));
        }
    }

    /**
     * The newest edges below {@code maxEdgeId}, newest first. Chunks are ranges of edge ids, newer than the
     * head and than every chunk before them, so a page reads from the chunk holding the cursor downwards,
     * usually one chunk, and ends in the head.
     */
    public FollowList page(long accountId, long maxEdgeId, int limit) {
        FollowList head = heads.executeOnKey(accountId, new ReadFollowPage<>(maxEdgeId, limit));
        if (head.chunks() == 0) {
            return head;
        }
        long[] userIds = new long[limit];
        long[] edgeIds = new long[limit];
        int count = 0;
        for (int chunk = head.index().chunkOf(maxEdgeId - 1); chunk >= 1 && count < limit; chunk--) {
            FollowList part = chunks.executeOnKey(
                    new FollowerChunkKey(accountId, chunk), new ReadFollowPage<>(maxEdgeId, limit - count));
            count = append(part, userIds, edgeIds, count);
        }
        count = append(head, userIds, edgeIds, count);
        return new FollowList(Arrays.copyOf(userIds, count), Arrays.copyOf(edgeIds, count));
    }

    /** Counted where the values live: the head, then every chunk in one call. */
    public CompletionStage<Integer> count(long accountId) {
        return heads.submitToKey(accountId, new CountFollows<>()).thenCompose(head -> {
            if (head.chunks() == 0) {
                return CompletableFuture.completedFuture(head.edges());
            }
            return chunks.submitToKeys(chunkKeys(accountId, head.chunks()), new CountFollows<>())
                    .thenApply(counts -> {
                        int total = head.edges();
                        for (CountFollows.Count count : counts.values()) {
                            total += count.edges();
                        }
                        return total;
                    });
        });
    }

    /** Every follower's id (read through from Cassandra if not in memory), chunks fetched in one call. */
    public long[] all(long accountId) {
        FollowList head = heads.get(accountId);
        if (head == null) {
            return new long[0];
        }
        if (head.chunks() == 0) {
            return head.userIds();
        }
        Map<FollowerChunkKey, FollowList> parts = chunks.getAll(chunkKeys(accountId, head.chunks()));
        int total = head.size();
        for (FollowList part : parts.values()) {
            total += part.size();
        }
        long[] all = Arrays.copyOf(head.userIds(), total);
        int filled = head.size();
        for (FollowList part : parts.values()) {
            System.arraycopy(part.userIds(), 0, all, filled, part.size());
            filled += part.size();
        }
        return all;
    }

    private static Set<FollowerChunkKey> chunkKeys(long accountId, int chunkCount) {
        return new HashSet<>(FollowerChunkKey.allOf(accountId, chunkCount));
    }

    private static int append(FollowList page, long[] userIds, long[] edgeIds, int count) {
        int take = Math.min(page.size(), userIds.length - count);
        System.arraycopy(page.userIds(), 0, userIds, count, take);
        System.arraycopy(page.edgeIds(), 0, edgeIds, count, take);
        return count + take;
    }
}
