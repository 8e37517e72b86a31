package flock.domain.graph;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A whole follower list laid out at once, exactly as one {@link AddFollower} per edge would have left it:
 * the oldest {@code capacity} edges in the head, each next {@code capacity} in a chunk that starts at its
 * first edge. For bulk loads (the benchmarks' data, tests of big accounts), which cannot afford one
 * entry processor per edge.
 *
 * @param head the value of the followers map
 * @param chunks the values of the follower chunks map, none when the list fits in the head
 */
public record FollowerLayout(FollowList head, Map<FollowerChunkKey, FollowList> chunks) {

    /**
     * @param followers the followers, in edge order
     * @param edges their edge ids, strictly ascending
     */
    public static FollowerLayout of(long userId, long[] followers, long[] edges, int capacity) {
        if (followers.length != edges.length) {
            throw new IllegalArgumentException("followers and edges must be parallel arrays");
        }
        int total = followers.length;
        if (total <= capacity) {
            return new FollowerLayout(new FollowList(followers, edges), Map.of());
        }
        int chunkCount = (total - 1) / capacity;
        long[] starts = new long[chunkCount];
        Map<FollowerChunkKey, FollowList> chunks = new LinkedHashMap<>();
        for (int chunk = 1; chunk <= chunkCount; chunk++) {
            int from = chunk * capacity;
            int to = Math.min(total, from + capacity);
            starts[chunk - 1] = edges[from];
            chunks.put(new FollowerChunkKey(userId, chunk), slice(followers, edges, from, to, null));
        }
        ChunkIndex index = new ChunkIndex(starts, edges[total - 1], total - chunkCount * capacity);
        return new FollowerLayout(slice(followers, edges, 0, capacity, index), chunks);
    }

    private static FollowList slice(long[] followers, long[] edges, int from, int to, ChunkIndex index) {
        return new FollowList(Arrays.copyOfRange(followers, from, to), Arrays.copyOfRange(edges, from, to), index);
    }
}
