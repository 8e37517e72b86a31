package flock.apinode.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flock.domain.engagement.TweetStats;
import org.junit.jupiter.api.Test;

class KeptCountsTest {
    private static final long START = 5_000_000_000L;
    private final TweetStats counts = TweetStats.empty();

    @Test
    void should_answer_kept_counts_for_a_second_and_then_ask_again() {
        KeptCounts kept = new KeptCounts(10);
        kept.keep(1, counts, START);

        assertThat(kept.get(1, START + KeptCounts.FOR_NANOS - 1)).isSameAs(counts);
        assertThat(kept.get(1, START + KeptCounts.FOR_NANOS)).isNull();
        assertThat(kept.get(2, START)).as("never kept").isNull();
    }

    @Test
    void should_forget_a_tweet_whose_counts_changed() {
        KeptCounts kept = new KeptCounts(10);
        kept.keep(1, counts, START);
        kept.keep(2, counts, START);

        kept.forget(1);

        assertThat(kept.get(1, START)).isNull();
        assertThat(kept.get(2, START)).isSameAs(counts);
    }

    @Test
    void should_stay_within_its_capacity_and_keep_nothing_at_zero() {
        KeptCounts kept = new KeptCounts(16);
        for (long id = 1; id <= 100; id++) {
            kept.keep(id, counts, START);
        }
        assertThat(kept.size()).isBetween(1, 16);
        assertThat(kept.get(100, START)).as("the newest").isSameAs(counts);

        KeptCounts none = new KeptCounts(0);
        none.keep(1, counts, START);
        assertThat(none.get(1, START)).isNull();
        assertThatThrownBy(() -> new KeptCounts(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
