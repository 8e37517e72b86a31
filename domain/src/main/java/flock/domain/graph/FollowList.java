package flock.domain.graph;

import flock.domain.LongArrays;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One direction of one user's follow graph: the accounts followed, or the followers, with the id of each
 * follow edge. Edge ids are flake ids taken when the follow happened, so the arrays are in follow order
 * (oldest first) and an edge id is the cursor for "most recently followed first" pages.
 *
 * <p>Immutable, copy on write: the write-behind MapStore may be reading a value while the next follow
 * is applied, so no instance is ever changed after it is stored.
 *
 * <p>A big follower list is split: this value is its head, and {@code index} says which further chunks
 * hold the newer edges (see {@link ChunkIndex}). Lists of accounts followed are never split: their length
 * is capped (see {@link AddFollow}).
 *
 * @param userIds the other user of each edge
 * @param edgeIds the edge ids, ascending, parallel to {@code userIds}
 * @param index the chunks beyond this head, or null while the list fits in one value
 */
public record FollowList(long[] userIds, long[] edgeIds, ChunkIndex index) {
    public static final FollowList EMPTY = new FollowList(new long[0], new long[0]);

    public FollowList {
        Objects.requireNonNull(userIds, "userIds");
        Objects.requireNonNull(edgeIds, "edgeIds");
        if (userIds.length != edgeIds.length) {
            throw new IllegalArgumentException("userIds and edgeIds must be parallel arrays");
        }
    }

    /** A list that fits in one value. */
    public FollowList(long[] userIds, long[] edgeIds) {
        this(userIds, edgeIds, null);
    }

    /** Edges in this value (for a split list, in its head only). */
    public int size() {
        return userIds.length;
    }

    /** Chunks beyond this value: 0 for a list that is not split. */
    public int chunks() {
        return index == null ? 0 : index.chunks();
    }

    /** The newest edge id in this value, or {@link Long#MIN_VALUE} when it is empty. */
    long newestEdgeId() {
        return edgeIds.length == 0 ? Long.MIN_VALUE : edgeIds[edgeIds.length - 1];
    }

    FollowList withIndex(ChunkIndex newIndex) {
        return new FollowList(userIds, edgeIds, newIndex);
    }

    public boolean contains(long userId) {
        return indexOf(userId) >= 0;
    }

    /** This list with one more edge, or this same list if the user is already in it (idempotent). */
    public FollowList with(long userId, long edgeId) {
        if (contains(userId)) {
            return this;
        }
        int position = Arrays.binarySearch(edgeIds, edgeId);
        position = position < 0 ? -position - 1 : position;
        long[] users = LongArrays.inserted(userIds, position, userId);
        long[] edges = LongArrays.inserted(edgeIds, position, edgeId);
        return new FollowList(users, edges, index);
    }

    /** This list without the user's edge, or this same list if there was none (idempotent). */
    public FollowList without(long userId) {
        int position = indexOf(userId);
        if (position < 0) {
            return this;
        }
        return new FollowList(LongArrays.removed(userIds, position), LongArrays.removed(edgeIds, position), index);
    }

    /** The edge id of the user's edge, if there is one. */
    public OptionalLong edgeOf(long userId) {
        int position = indexOf(userId);
        return position < 0 ? OptionalLong.empty() : OptionalLong.of(edgeIds[position]);
    }

    /**
     * The newest edges with an edge id below {@code maxEdgeId}, newest first, at most {@code limit}. The page
     * keeps the index, so a reader of a split list's head learns which chunks to read next.
     */
    public FollowList newestBelow(long maxEdgeId, int limit) {
        int end = Arrays.binarySearch(edgeIds, maxEdgeId);
        end = end < 0 ? -end - 1 : end; // edges before index `end` are strictly below maxEdgeId
        int count = Math.min(limit, end);
        long[] users = new long[count];
        long[] edges = new long[count];
        for (int i = 0; i < count; i++) {
            users[i] = userIds[end - 1 - i];
            edges[i] = edgeIds[end - 1 - i];
        }
        return new FollowList(users, edges, index);
    }

    private int indexOf(long userId) {
        for (int i = 0; i < userIds.length; i++) {
            if (userIds[i] == userId) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FollowList that
                && Arrays.equals(userIds, that.userIds)
                && Arrays.equals(edgeIds, that.edgeIds)
                && Objects.equals(index, that.index);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(userIds) + Arrays.hashCode(edgeIds);
    }

    @Override
    public String toString() {
        return "FollowList" + Arrays.toString(userIds) + (index == null ? "" : " + " + index);
    }
}
