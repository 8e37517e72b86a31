package flock.apinode.engagement;

import flock.domain.engagement.TweetStats;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The four counts of the tweets this node's pages showed lately, summed once and kept in a table of {@value #SLOTS}
 * entries indexed by the tweet's id: a page takes each of its tweets' counts with one array read. The table is large
 * next to what pages show (the home-pages benchmark shows some 100,000 tweets), so that few tweets contend for a slot;
 * it holds references, and an entry exists only for a tweet shown.
 *
 * <p>Why beside the near cache of {@code tweet_stats}: a near-cache hit costs far more than a read of this table (the
 * near cache's record map, its statistics, its stale-read check, a map built for {@code getAll}, and every id boxed),
 * and every page asks for one per tweet. Profiled on home pages, those lookups were a quarter of the API node's CPU.
 *
 * <p>Fresh as the near cache is: the near cache remains where a missing entry is read from, and every change this
 * node hears of a tweet's counts (the grid's entry event, or a like made here) takes the tweet's entry out. A change
 * heard while its tweet's counts were being read makes what that read brings unusable ({@link #version}). One race
 * is left: this node's event may come before the near cache's own invalidation, and a page between the two reads the
 * old counts from the near cache again; {@link #TTL_MILLIS} bounds how long they are kept. A node that may have
 * missed events forgets everything ({@link #forget}).
 *
 * <p>A tweet's id names a pair of slots, so that two tweets that fall in one share it; a third replaces the one read
 * longest ago, which is read again when shown again.
 */
final class ShownCounts {
    /** Entries kept at most: 2 MB of references, and some 50 bytes for each tweet shown. */
    static final int SLOTS = 1 << 19;

    /**
     * Slots that share the record of their last change (four pairs): a change voids the entries of its neighbours too
     * (read again from the near cache), which keeps that record at 512 KB. Changes are rare next to reads.
     */
    static final int SLOTS_PER_CHANGE_RECORD = 8;

    /**
     * How long an entry serves without a change heard: the longest a page may show counts older than the near cache's
     * (which itself, should an invalidation be lost, repairs itself within a minute). A tweet shown more often than
     * this is read from the near cache once in that time; with one second (and one slot for each
     * tweet) about half the lookups still went to the near cache.
     */
    static final long TTL_MILLIS = 5_000;

    private final AtomicReferenceArray<Counts> entries = new AtomicReferenceArray<>(SLOTS);
    /** For each group of slots, the version of the last change heard for a tweet in them. */
    private final AtomicLongArray changedAt = new AtomicLongArray(SLOTS / SLOTS_PER_CHANGE_RECORD);
    /** Counts every change heard; an entry read at a version older than its slot's last change is stale. */
    private final AtomicLong versions = new AtomicLong();

    private volatile long forgottenAt;

    /** A tweet's counts as a page shows them, and when and at which version they were read. */
    record Counts(long tweetId, long version, long readAtMillis, int likes, int reposts, int replies, int quotes) {
        static Counts of(long tweetId, long version, long readAtMillis, TweetStats stats) {
            return stats == null
                    ? new Counts(tweetId, version, readAtMillis, 0, 0, 0, 0)
                    : new Counts(
                            tweetId,
                            version,
                            readAtMillis,
                            stats.likes(),
                            stats.reposts(),
                            stats.replies(),
                            stats.quotes());
        }
    }

    /** To be taken before the counts are read from the near cache, and given with them to {@link #keep}. */
    long version() {
        return versions.get();
    }

    /** The tweet's counts if they are kept and nothing changed them since they were read; null otherwise. */
    Counts get(long tweetId, long nowMillis) {
        int first = slotOf(tweetId) & ~1;
        Counts kept = entries.get(first);
        if (kept == null || kept.tweetId() != tweetId) {
            kept = entries.get(first + 1);
            if (kept == null || kept.tweetId() != tweetId) {
                return null;
            }
        }
        if (kept.version() < changedAt.get(first / SLOTS_PER_CHANGE_RECORD)
                || kept.version() < forgottenAt
                || nowMillis - kept.readAtMillis() >= TTL_MILLIS) {
            return null;
        }
        return kept;
    }

    /**
     * Keeps the counts read (null: the tweet has none) and answers them; they serve later pages only if no change of
     * the tweet's was heard since {@code version}.
     */
    Counts keep(long tweetId, long version, long nowMillis, TweetStats stats) {
        Counts counts = Counts.of(tweetId, version, nowMillis, stats);
        int first = slotOf(tweetId) & ~1;
        Counts one = entries.get(first);
        Counts other = entries.get(first + 1);
        boolean second = one != null
                && one.tweetId() != tweetId
                && (other == null || other.tweetId() == tweetId || other.readAtMillis() < one.readAtMillis());
        entries.set(second ? first + 1 : first, counts);
        return counts;
    }

    /** Something changed the tweet's counts: its entry, and any read of them under way, no longer serve. */
    void changed(long tweetId) {
        long version = versions.incrementAndGet();
        changedAt.accumulateAndGet(slotOf(tweetId) / SLOTS_PER_CHANGE_RECORD, version, Math::max);
    }

    /** Changes may have been missed: nothing kept serves any more. */
    void forget() {
        forgottenAt = versions.incrementAndGet();
    }

    /** Flake ids differ most in their low bits (sequence, member) and the milliseconds above them: mixed, then cut. */
    static int slotOf(long tweetId) {
        long mixed = tweetId * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> (64 - Integer.numberOfTrailingZeros(SLOTS)));
    }
}
