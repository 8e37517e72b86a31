package flock.domain.engagement;

import java.util.Arrays;

/** The newest edges below a cursor, out of parallel arrays kept in another order (by the other end's id). */
public final class NewestEdges {
    private NewestEdges() {}

    /**
     * One pass over the edges per edge taken, each taking the newest edge older than the one before (edge ids are
     * unique): pages are short (at most 100), and nothing but the page is allocated.
     *
     * @param otherIds the other end of each edge
     * @param edgeIds the edges' ids, parallel to {@code otherIds}
     * @param maxEdgeId only edges older than this (exclusive); {@code Long.MAX_VALUE} for the newest
     * @return at most {@code limit} edges, newest first
     */
    public static EdgePage of(long[] otherIds, long[] edgeIds, long maxEdgeId, int limit) {
        long[] others = new long[Math.min(limit, edgeIds.length)];
        long[] edges = new long[others.length];
        int count = 0;
        long below = maxEdgeId;
        while (count < others.length) {
            int newest = -1;
            for (int i = 0; i < edgeIds.length; i++) {
                if (edgeIds[i] < below && (newest < 0 || edgeIds[i] > edgeIds[newest])) {
                    newest = i;
                }
            }
            if (newest < 0) {
                break;
            }
            others[count] = otherIds[newest];
            edges[count] = edgeIds[newest];
            below = edgeIds[newest];
            count++;
        }
        return new EdgePage(Arrays.copyOf(others, count), Arrays.copyOf(edges, count));
    }
}
