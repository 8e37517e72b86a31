package flock.apinode.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import flock.domain.engagement.BucketSize;
import flock.domain.engagement.Counted;
import flock.domain.engagement.TweetStats;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The counts pages showed lately serve until a change is heard, their time is up, or the node forgets them. */
class ShownCountsTest {
    private static final long NOW = 1_000_000;
    private static final long TWEET = 7_300_000_000_000_000L;

    private final ShownCounts shown = new ShownCounts();

    @Test
    void should_serve_the_counts_kept_with_each_of_the_four_in_place() {
        TweetStats stats = liked(3);

        shown.keep(TWEET, shown.version(), NOW, stats);

        ShownCounts.Counts counts = shown.get(TWEET, NOW + 10);
        assertThat(counts).isNotNull();
        assertThat(counts.likes()).isEqualTo(stats.likes()).isEqualTo(3);
        assertThat(counts.reposts()).isEqualTo(stats.reposts()).isEqualTo(4);
        assertThat(counts.replies()).isEqualTo(stats.replies()).isEqualTo(5);
        assertThat(counts.quotes()).isEqualTo(stats.quotes()).isEqualTo(6);
    }

    @Test
    void should_keep_a_tweet_without_counts_as_zeros() {
        shown.keep(TWEET, shown.version(), NOW, null);

        assertThat(shown.get(TWEET, NOW)).isNotNull();
        assertThat(shown.get(TWEET, NOW).likes()).isZero();
    }

    @Test
    void should_not_serve_a_tweet_never_kept() {
        assertThat(shown.get(TWEET, NOW)).isNull();
    }

    @Test
    void should_not_serve_counts_once_a_change_of_the_tweet_is_heard() {
        shown.keep(TWEET, shown.version(), NOW, liked(1));

        shown.changed(TWEET);

        assertThat(shown.get(TWEET, NOW)).isNull();
        shown.keep(TWEET, shown.version(), NOW, liked(2));
        assertThat(shown.get(TWEET, NOW).likes()).isEqualTo(liked(2).likes());
    }

    @Test
    void should_not_serve_what_a_read_brought_when_a_change_was_heard_while_it_read() {
        long version = shown.version(); // taken before reading the near cache
        shown.changed(TWEET); // heard meanwhile: what the read brings may be from before it

        shown.keep(TWEET, version, NOW, liked(1));

        assertThat(shown.get(TWEET, NOW)).isNull();
    }

    @Test
    void should_keep_serving_a_tweet_when_a_tweet_far_from_it_in_the_table_changes() {
        long other = TWEET + 1;
        assertThat(ShownCounts.slotOf(other) / ShownCounts.SLOTS_PER_CHANGE_RECORD)
                .isNotEqualTo(ShownCounts.slotOf(TWEET) / ShownCounts.SLOTS_PER_CHANGE_RECORD);
        shown.keep(TWEET, shown.version(), NOW, liked(1));

        shown.changed(other);

        assertThat(shown.get(TWEET, NOW)).isNotNull();
    }

    @Test
    void should_read_again_a_neighbour_of_a_tweet_that_changed() {
        long neighbour = TWEET + 1;
        while ((ShownCounts.slotOf(neighbour) & ~1) == (ShownCounts.slotOf(TWEET) & ~1)
                || ShownCounts.slotOf(neighbour) / ShownCounts.SLOTS_PER_CHANGE_RECORD
                        != ShownCounts.slotOf(TWEET) / ShownCounts.SLOTS_PER_CHANGE_RECORD) {
            neighbour++;
        }
        shown.keep(neighbour, shown.version(), NOW, liked(1));

        shown.changed(TWEET);

        assertThat(shown.get(neighbour, NOW)).isNull();
    }

    @Test
    void should_not_serve_counts_older_than_the_time_allowed() {
        shown.keep(TWEET, shown.version(), NOW, liked(1));

        assertThat(shown.get(TWEET, NOW + ShownCounts.TTL_MILLIS - 1)).isNotNull();
        assertThat(shown.get(TWEET, NOW + ShownCounts.TTL_MILLIS)).isNull();
    }

    @Test
    void should_serve_nothing_kept_before_it_forgot() {
        shown.keep(TWEET, shown.version(), NOW, liked(1));

        shown.forget();

        assertThat(shown.get(TWEET, NOW)).isNull();
        shown.keep(TWEET, shown.version(), NOW, liked(1));
        assertThat(shown.get(TWEET, NOW)).isNotNull();
    }

    @Test
    void should_keep_two_tweets_of_one_pair_of_slots_and_let_a_third_replace_the_one_read_first() {
        long second = nextInPair(TWEET);
        long third = nextInPair(second);
        shown.keep(TWEET, shown.version(), NOW, liked(1));
        shown.keep(second, shown.version(), NOW + 1, liked(2));

        assertThat(shown.get(TWEET, NOW + 2).likes()).isEqualTo(1);
        assertThat(shown.get(second, NOW + 2).likes()).isEqualTo(2);

        shown.keep(third, shown.version(), NOW + 2, liked(3));

        assertThat(shown.get(TWEET, NOW + 2)).as("read first").isNull();
        assertThat(shown.get(second, NOW + 2).likes()).isEqualTo(2);
        assertThat(shown.get(third, NOW + 2).likes()).isEqualTo(3);
    }

    @Test
    void should_replace_a_tweet_read_again_in_its_own_slot() {
        long second = nextInPair(TWEET);
        shown.keep(TWEET, shown.version(), NOW, liked(1));
        shown.keep(second, shown.version(), NOW + 1, liked(2));

        shown.keep(TWEET, shown.version(), NOW + 2, liked(5));

        assertThat(shown.get(TWEET, NOW + 2).likes()).isEqualTo(5);
        assertThat(shown.get(second, NOW + 2).likes()).as("its neighbour stays").isEqualTo(2);
    }

    /** The next id after {@code id} whose counts go to the same pair of slots. */
    private static long nextInPair(long id) {
        long next = id + 1;
        while ((ShownCounts.slotOf(next) & ~1) != (ShownCounts.slotOf(id) & ~1)) {
            next++;
        }
        return next;
    }

    @Test
    void should_spread_consecutive_ids_over_many_slots() {
        Set<Integer> slots = new HashSet<>();
        for (long id = TWEET; id < TWEET + 10_000; id++) {
            slots.add(ShownCounts.slotOf(id));
        }
        assertThat(slots).hasSizeGreaterThan(9_950);
        assertThat(slots).allSatisfy(slot -> assertThat(slot).isBetween(0, ShownCounts.SLOTS - 1));
    }

    /** Counts of {@code likers} likes, and one more repost, two more replies and three more quotes than that. */
    private static TweetStats liked(int likers) {
        return TweetStats.empty()
                .withBucket(Counted.LIKES, 0, new BucketSize(likers, 1))
                .withBucket(Counted.REPOSTS, 1, new BucketSize(likers + 1, 1))
                .withBucket(Counted.REPLIES, 2, new BucketSize(likers + 2, 1))
                .withBucket(Counted.QUOTES, 3, new BucketSize(likers + 3, 1));
    }
}
