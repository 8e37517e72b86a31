package flock.pipelines;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongToIntFunction;

/**
 * Splits the feeds of one fan-out batch into calls whose keys fall in few partitions.
 *
 * <p>Why: Hazelcast's {@code submitToKeys} sends the whole key set to the operation of every partition it
 * touches, and each of them (and each backup) walks and hashes every key to find its own. A call's cost grows
 * with keys x partitions: 1,000 followers spread over all 271 partitions cost 271,000 key visits, where the
 * entry processor runs only 1,000 times. Grouping keys by partition and cutting calls where keys x
 * partitions would pass {@code maxKeyVisits} keeps that close to the keys themselves, for a few more calls.
 */
final class PartitionCalls {
    private PartitionCalls() {}

    /**
     * @param keys the feeds to update, each once
     * @param partitionOf a key's partition id
     * @param partitionCount how many partitions the grid has
     * @param maxKeyVisits the most keys x partitions one call may cost; a single partition with more keys
     *     than that still goes in one call of its own
     * @return the calls, each a set of keys; together every key exactly once
     */
    static long[][] split(long[] keys, LongToIntFunction partitionOf, int partitionCount, int maxKeyVisits) {
        if ((long) keys.length * Math.min(keys.length, partitionCount) <= maxKeyVisits) {
            return new long[][] {keys}; // cheap at any spread: a small account's tweet, no partition looked up
        }
        // Partition in the high half, position in the low: one primitive sort groups keys by partition.
        long[] byPartition = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            byPartition[i] = (long) partitionOf.applyAsInt(keys[i]) << 32 | i;
        }
        Arrays.sort(byPartition);
        List<long[]> calls = new ArrayList<>();
        int callStart = 0;
        int callPartitions = 0;
        int groupStart = 0;
        while (groupStart < keys.length) {
            int groupEnd = groupEnd(byPartition, groupStart);
            int keysWithGroup = groupEnd - callStart;
            if (callPartitions > 0 && (long) keysWithGroup * (callPartitions + 1) > maxKeyVisits) {
                calls.add(keysOf(keys, byPartition, callStart, groupStart));
                callStart = groupStart;
                callPartitions = 0;
            }
            callPartitions++;
            groupStart = groupEnd;
        }
        calls.add(keysOf(keys, byPartition, callStart, keys.length));
        return calls.toArray(long[][]::new);
    }

    /** The end of the run of keys in the same partition as the one at {@code from}. */
    private static int groupEnd(long[] byPartition, int from) {
        long partition = byPartition[from] >>> 32;
        int end = from + 1;
        while (end < byPartition.length && byPartition[end] >>> 32 == partition) {
            end++;
        }
        return end;
    }

    private static long[] keysOf(long[] keys, long[] byPartition, int from, int to) {
        long[] call = new long[to - from];
        for (int i = from; i < to; i++) {
            call[i - from] = keys[(int) byPartition[i]];
        }
        return call;
    }
}
