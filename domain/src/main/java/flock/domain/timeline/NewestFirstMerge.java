package flock.domain.timeline;

import java.util.Arrays;

/**
 * The k-way merge of id lists that are each sorted newest first: a feed assembled from several sources
 * (the pushed feed and each pulled account, or every followed account on a rebuild). A binary heap of the
 * lists' heads costs O(n log k) for n ids taken, and nothing is boxed.
 */
public final class NewestFirstMerge {
    private NewestFirstMerge() {}

    /** The newest {@code limit} distinct ids of all the lists, newest first. */
    public static long[] merge(long[][] lists, int limit) {
        int[] heap = new int[lists.length]; // list indexes, ordered by each list's current head, largest on top
        int[] next = new int[lists.length]; // each list's cursor
        int heapSize = 0;
        for (int list = 0; list < lists.length; list++) {
            if (lists[list].length > 0) {
                heap[heapSize] = list;
                siftUp(heap, heapSize++, lists, next);
            }
        }
        long[] merged = new long[Math.min(limit, total(lists))];
        int count = 0;
        while (heapSize > 0 && count < merged.length) {
            int top = heap[0];
            long id = lists[top][next[top]++];
            if (count == 0 || merged[count - 1] != id) {
                merged[count++] = id;
            }
            if (next[top] == lists[top].length) {
                heap[0] = heap[--heapSize];
            }
            siftDown(heap, heapSize, lists, next);
        }
        return count == merged.length ? merged : Arrays.copyOf(merged, count);
    }

    private static int total(long[][] lists) {
        long total = 0;
        for (long[] list : lists) {
            total += list.length;
        }
        return (int) Math.min(total, Integer.MAX_VALUE);
    }

    private static long head(int list, long[][] lists, int[] next) {
        return lists[list][next[list]];
    }

    private static void siftUp(int[] heap, int at, long[][] lists, int[] next) {
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (head(heap[parent], lists, next) >= head(heap[at], lists, next)) {
                return;
            }
            swap(heap, parent, at);
            at = parent;
        }
    }

    private static void siftDown(int[] heap, int size, long[][] lists, int[] next) {
        int at = 0;
        while (true) {
            int left = 2 * at + 1;
            if (left >= size) {
                return;
            }
            int larger = left + 1 < size && head(heap[left + 1], lists, next) > head(heap[left], lists, next)
                    ? left + 1
                    : left;
            if (head(heap[at], lists, next) >= head(heap[larger], lists, next)) {
                return;
            }
            swap(heap, at, larger);
            at = larger;
        }
    }

    private static void swap(int[] heap, int a, int b) {
        int kept = heap[a];
        heap[a] = heap[b];
        heap[b] = kept;
    }
}
