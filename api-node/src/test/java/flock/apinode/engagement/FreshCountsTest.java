package flock.apinode.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import flock.domain.FlakeIds;
import org.junit.jupiter.api.Test;

class FreshCountsTest {
    private static final long START = 1_800_000_000_000L;
    private static final long WINDOW = 600_000;
    private static final long AFTER_MARGIN = START + FreshCounts.CLOCK_MARGIN_MILLIS + 1_000;

    private final FreshCounts fresh = new FreshCounts(WINDOW, START);

    @Test
    void should_know_a_tweet_posted_since_it_listens_and_never_changed_has_no_counts() {
        assertThat(fresh.knownEmpty(tweetAt(AFTER_MARGIN), AFTER_MARGIN + 5_000))
                .isTrue();
    }

    @Test
    void should_ask_for_a_tweet_posted_before_it_listened_or_within_the_clock_margin() {
        assertThat(fresh.knownEmpty(tweetAt(START - 1_000), AFTER_MARGIN)).isFalse();
        assertThat(fresh.knownEmpty(tweetAt(START + 30_000), AFTER_MARGIN)).isFalse();
    }

    @Test
    void should_ask_for_a_tweet_it_heard_a_change_of() {
        long tweet = tweetAt(AFTER_MARGIN);
        fresh.changed(tweet, AFTER_MARGIN + 1_000);

        assertThat(fresh.knownEmpty(tweet, AFTER_MARGIN + 2_000)).isFalse();
        assertThat(fresh.knownEmpty(tweetAt(AFTER_MARGIN + 1), AFTER_MARGIN + 2_000))
                .as("another tweet")
                .isTrue();
    }

    @Test
    void should_ask_for_a_tweet_older_than_the_window_and_stop_keeping_its_change() {
        long tweet = tweetAt(AFTER_MARGIN);
        fresh.changed(tweet, AFTER_MARGIN);

        assertThat(fresh.knownEmpty(tweetAt(AFTER_MARGIN), AFTER_MARGIN + WINDOW))
                .isFalse();
        fresh.changed(tweetAt(AFTER_MARGIN + WINDOW), AFTER_MARGIN + WINDOW + 20_000); // prunes as it goes
        assertThat(fresh.changedKept()).as("only the newer tweet's change").isEqualTo(1);
    }

    @Test
    void should_know_nothing_posted_before_it_forgot() {
        long before = tweetAt(AFTER_MARGIN);
        fresh.forget(AFTER_MARGIN + 10_000);

        assertThat(fresh.knownEmpty(before, AFTER_MARGIN + 20_000)).isFalse();
        long after = AFTER_MARGIN + 10_000 + FreshCounts.CLOCK_MARGIN_MILLIS + 1_000;
        assertThat(fresh.knownEmpty(tweetAt(after), after + 1_000)).isTrue();
    }

    private static long tweetAt(long millis) {
        return (millis - FlakeIds.EPOCH_MILLIS) << 22; // the first id of that millisecond
    }
}
