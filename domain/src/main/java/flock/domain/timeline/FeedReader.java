package flock.domain.timeline;

import java.util.Arrays;

/**
 * The reader of a home feed built from authors' timelines, for the reply rule: a reply to someone else is kept only
 * for a reader who also follows the account it answers, or who is that account.
 *
 * @param follows the accounts the reader follows, ascending
 */
public record FeedReader(long id, long[] follows) {

    /** A reader and whom they follow, in any order. */
    public static FeedReader of(long id, long[] followsAnyOrder) {
        long[] sorted = followsAnyOrder.clone();
        Arrays.sort(sorted);
        return new FeedReader(id, sorted);
    }

    /** Whether a tweet that reaches only the followers of {@code audience} (0: everyone) reaches this reader. */
    public boolean sees(long audience) {
        return audience == 0 || audience == id || Arrays.binarySearch(follows, audience) >= 0;
    }

    /** By content: two readers of the same account following the same accounts are one. */
    @Override
    public boolean equals(Object other) {
        return other instanceof FeedReader that && id == that.id && Arrays.equals(follows, that.follows);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id) * 31 + Arrays.hashCode(follows);
    }
}
