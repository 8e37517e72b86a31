package flock.domain.graph;

import java.util.Arrays;

/**
 * Where a big follower list keeps the edges that do not fit in its head. A follower list is one grid value
 * while it is small; once the head holds {@code capacity} edges, newer edges go to further chunks (keys
 * {@link FollowerChunkKey}, spread over every partition), so no value grows past about 1 MB however many
 * followers an account has.
 *
 * <p>Chunks are ranges of edge ids: chunk {@code c} (from 1) holds the edges from {@code starts[c - 1]} up
 * to the next start; the head is chunk 0 and holds everything below the first start. A follow or an unfollow
 * knows its edge id, so it finds its chunk from the head alone, and pages newest-first walk the chunks from
 * the newest down. A new chunk starts only above every edge sent to the newest chunk so far
 * ({@code newestMaxEdge}), so an edge never lies outside its chunk's range, even though edge ids from
 * several API nodes arrive slightly out of order.
 *
 * @param starts the first edge id of each chunk after the head, ascending
 * @param newestMaxEdge the highest edge id sent to the newest chunk
 * @param newestRouted edges sent to the newest chunk, less those taken out: when it reaches the capacity, the
 *     next new edge opens a chunk (approximate only if a follow failed half-way, which merely moves the
 *     moment a chunk opens)
 */
public record ChunkIndex(long[] starts, long newestMaxEdge, int newestRouted) {

    public ChunkIndex {
        if (starts.length == 0) {
            throw new IllegalArgumentException("a chunk index has at least one chunk");
        }
    }

    /** The index of a head that just filled up: one chunk, starting at the edge that did not fit. */
    static ChunkIndex first(long edgeId) {
        return new ChunkIndex(new long[] {edgeId}, edgeId, 1);
    }

    /** Chunks after the head; the newest chunk's number. */
    public int chunks() {
        return starts.length;
    }

    /** The chunk an edge belongs to: 0 for the head, else the last chunk starting at or below it. */
    public int chunkOf(long edgeId) {
        int position = Arrays.binarySearch(starts, edgeId);
        return position >= 0 ? position + 1 : -position - 1;
    }

    /** Whether a new edge should open a chunk rather than join the newest one. */
    boolean newestIsFull(long edgeId, int capacity) {
        return newestRouted >= capacity && edgeId > newestMaxEdge;
    }

    ChunkIndex withNewChunk(long edgeId) {
        long[] more = Arrays.copyOf(starts, starts.length + 1);
        more[starts.length] = edgeId;
        return new ChunkIndex(more, edgeId, 1);
    }

    ChunkIndex withRoutedToNewest(long edgeId) {
        return new ChunkIndex(starts, Math.max(newestMaxEdge, edgeId), newestRouted + 1);
    }

    ChunkIndex withTakenFromNewest() {
        return new ChunkIndex(starts, newestMaxEdge, Math.max(0, newestRouted - 1));
    }

    /** About how many edges the chunks hold: exact for the newest, full for the others. */
    int approximateEdges(int capacity) {
        return (chunks() - 1) * capacity + newestRouted;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChunkIndex that
                && Arrays.equals(starts, that.starts)
                && newestMaxEdge == that.newestMaxEdge
                && newestRouted == that.newestRouted;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(starts) + Long.hashCode(newestMaxEdge) + newestRouted;
    }

    @Override
    public String toString() {
        return "ChunkIndex" + Arrays.toString(starts) + " newest " + newestRouted;
    }
}
