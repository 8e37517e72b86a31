package flock.domain;

import java.util.Arrays;
import java.util.Objects;

/**
 * One direction of one user's follow graph: the accounts followed, or the followers, with the id of each
 * follow edge. Edge ids are flake ids taken when the follow happened, so the arrays are in follow order
 * (oldest first) and an edge id is the cursor for "most recently followed first" pages.
 *
 * <p>Immutable, copy on write: the write-behind MapStore may be reading a value while the next follow
 * is applied, so no instance is ever changed after it is stored.
 *
 * @param userIds the other user of each edge
 * @param edgeIds the edge ids, ascending, parallel to {@code userIds}
 */
public record FollowList(long[] userIds, long[] edgeIds) {
    public static final FollowList EMPTY = new FollowList(new long[0], new long[0]);

    public FollowList {
        Objects.requireNonNull(userIds, "userIds");
        Objects.requireNonNull(edgeIds, "edgeIds");
        if (userIds.length != edgeIds.length) {
            throw new IllegalArgumentException("userIds and edgeIds must be parallel arrays");
        }
    }

    public int size() {
        return userIds.length;
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
        long[] users = insertAt(userIds, position, userId);
        long[] edges = insertAt(edgeIds, position, edgeId);
        return new FollowList(users, edges);
    }

    /** This list without the user's edge, or this same list if there was none (idempotent). */
    public FollowList without(long userId) {
        int index = indexOf(userId);
        if (index < 0) {
            return this;
        }
        return new FollowList(removeAt(userIds, index), removeAt(edgeIds, index));
    }

    /** The newest edges with an edge id below {@code maxEdgeId}, newest first, at most {@code limit}. */
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
        return new FollowList(users, edges);
    }

    private int indexOf(long userId) {
        for (int i = 0; i < userIds.length; i++) {
            if (userIds[i] == userId) {
                return i;
            }
        }
        return -1;
    }

    private static long[] insertAt(long[] source, int position, long value) {
        long[] result = new long[source.length + 1];
        System.arraycopy(source, 0, result, 0, position);
        result[position] = value;
        System.arraycopy(source, position, result, position + 1, source.length - position);
        return result;
    }

    private static long[] removeAt(long[] source, int index) {
        long[] result = new long[source.length - 1];
        System.arraycopy(source, 0, result, 0, index);
        System.arraycopy(source, index + 1, result, index, source.length - index - 1);
        return result;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FollowList that
                && Arrays.equals(userIds, that.userIds)
                && Arrays.equals(edgeIds, that.edgeIds);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(userIds) + Arrays.hashCode(edgeIds);
    }

    @Override
    public String toString() {
        return "FollowList" + Arrays.toString(userIds);
    }
}
