package flock.mapstores;

import flock.domain.engagement.BucketKey;
import flock.domain.engagement.Counted;
import flock.domain.engagement.TweetStats;
import java.nio.ByteBuffer;

/**
 * A tweet's bucket reports as one blob in {@code tweet_stats.buckets}: a format byte, the number of kinds, then per kind
 * a byte saying whether any of its buckets changed and, if so, the {@value BucketKey#BUCKETS} sizes and change counts.
 *
 * <p>Why a blob and not lists: a tweet's counts are written behind about once a second while it is liked, and writing
 * a non-frozen {@code list} column replaces it, which Cassandra does with a range tombstone and one cell per element.
 * Eight lists of 16 were about 130 cells and 8 tombstones per write, for the memtable, the flushes and compaction; the
 * blob is one cell, and a kind nothing happened to costs one byte.
 */
final class StatsBuckets {
    private static final byte FORMAT = 1;
    private static final int KIND_BYTES = BucketKey.BUCKETS * (Integer.BYTES + Long.BYTES);

    private StatsBuckets() {}

    static ByteBuffer encode(TweetStats stats) {
        Counted[] kinds = Counted.values();
        int length = 2 + kinds.length;
        for (Counted kind : kinds) {
            length += changed(stats, kind) ? KIND_BYTES : 0;
        }
        ByteBuffer blob = ByteBuffer.allocate(length).put(FORMAT).put((byte) kinds.length);
        for (Counted kind : kinds) {
            if (!changed(stats, kind)) {
                blob.put((byte) 0);
                continue;
            }
            blob.put((byte) 1);
            for (int size : stats.sizesOf(kind)) {
                blob.putInt(size);
            }
            for (long changes : stats.changesOf(kind)) {
                blob.putLong(changes);
            }
        }
        return blob.flip();
    }

    /** Kinds this version does not know (written by a newer one) are skipped; kinds the blob lacks count none. */
    static TweetStats decode(ByteBuffer stored) {
        ByteBuffer blob = stored.duplicate();
        if (blob.get() != FORMAT) {
            throw new IllegalStateException("tweet_stats.buckets of an unknown format " + stored.get(0));
        }
        int storedKinds = blob.get();
        Counted[] kinds = Counted.values();
        TweetStats stats = TweetStats.empty();
        for (int k = 0; k < storedKinds; k++) {
            if (blob.get() == 0) {
                continue;
            }
            int[] sizes = new int[BucketKey.BUCKETS];
            long[] changes = new long[BucketKey.BUCKETS];
            for (int b = 0; b < sizes.length; b++) {
                sizes[b] = blob.getInt();
            }
            for (int b = 0; b < changes.length; b++) {
                changes[b] = blob.getLong();
            }
            if (k < kinds.length) {
                stats = stats.withKind(kinds[k], sizes, changes);
            }
        }
        return stats;
    }

    private static boolean changed(TweetStats stats, Counted kind) {
        for (long changes : stats.changesOf(kind)) {
            if (changes != 0) {
                return true;
            }
        }
        return false;
    }
}
