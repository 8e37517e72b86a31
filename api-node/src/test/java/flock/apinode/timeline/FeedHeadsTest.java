package flock.apinode.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import flock.domain.timeline.FeedChanges;
import flock.domain.timeline.TimelinePage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FeedHeadsTest {
    private static final long READER = 42;
    private final FeedHeads heads = new FeedHeads(Duration.ofSeconds(30), 1_000);

    @Test
    void should_answer_a_filled_head_until_a_change_names_its_feed() {
        heads.fill(READER, heads.generation(READER), head(0, 30, 20, 10));

        assertThat(heads.get(READER, 1)).isNotNull();
        heads.onChanges(new FeedChanges("fan-out", 1, new long[] {7, READER}));
        assertThat(heads.get(READER, 1)).isNull();
    }

    @Test
    void should_drop_a_fill_whose_read_raced_a_change() {
        long before = heads.generation(READER);
        heads.onChanges(new FeedChanges("fan-out", 1, new long[] {READER})); // arrives while the read is in flight

        heads.fill(READER, before, head(0, 30, 20, 10));

        assertThat(heads.get(READER, 1))
                .as("read before the change: may miss it")
                .isNull();
        heads.fill(READER, heads.generation(READER), head(0, 40, 30, 20, 10));
        assertThat(heads.get(READER, 1)).as("read after it").isNotNull();
    }

    @Test
    void should_forget_everything_when_a_message_from_a_writer_went_missing() {
        heads.fill(READER, heads.generation(READER), head(0, 30));
        heads.fill(7, heads.generation(7), head(0, 31));
        heads.onChanges(new FeedChanges("fan-out", 1, new long[] {99}));
        heads.onChanges(new FeedChanges("other", 5, new long[] {98})); // a writer first heard of here: fine
        assertThat(heads.size()).isEqualTo(2);

        heads.onChanges(new FeedChanges("fan-out", 3, new long[] {99})); // 2 was lost: it may have named anyone

        assertThat(heads.size()).isZero();
        assertThat(heads.clears()).isEqualTo(1);
    }

    @Test
    void should_drop_fills_in_flight_when_cleared() {
        long before = heads.generation(READER);
        heads.clear();

        heads.fill(READER, before, head(0, 30));

        assertThat(heads.get(READER, 1)).isNull();
    }

    @Test
    void should_expire_heads_between_half_their_time_to_live_and_all_of_it_spread_over_users() {
        java.util.Set<Long> expiredAt20s = new java.util.HashSet<>();
        for (long user = 0; user < 1_000; user++) {
            heads.fill(user, heads.generation(user), head(0, 30));
            assertThat(heads.get(user, Duration.ofSeconds(14).toNanos())).isNotNull();
            assertThat(heads.get(user, Duration.ofSeconds(31).toNanos())).isNull();
            if (heads.get(user, Duration.ofSeconds(20).toNanos()) == null) {
                expiredAt20s.add(user);
            }
        }
        assertThat(expiredAt20s)
                .as("expired by 20 s of 30: about a third, not all or none")
                .hasSizeBetween(150, 550);
    }

    @Test
    void should_answer_a_first_page_only_when_the_head_holds_enough_of_the_feed() {
        FeedHeads.Head partial = FeedHeads.Head.of(page(false, 50, 40, 30), 3, 0); // asked 3, got 3: more may exist
        FeedHeads.Head whole = FeedHeads.Head.of(page(false, 50, 40), 3, 0); // asked 3, got 2: that is all

        assertThat(partial.firstPage(0, 2)).containsExactly(50, 40);
        assertThat(partial.firstPage(40, 5)).as("a poll: what is newer than 40").containsExactly(50);
        assertThat(partial.firstPage(0, 5)).as("would need ids past the head").isNull();
        assertThat(whole.firstPage(0, 5)).containsExactly(50, 40);
        assertThat(whole.firstPage(50, 5)).as("a poll with nothing new").isEmpty();
    }

    @Test
    void should_stay_within_its_capacity() {
        FeedHeads small = new FeedHeads(Duration.ofSeconds(30), 16);
        for (long user = 0; user < 100; user++) {
            small.fill(user, small.generation(user), head(0, 30));
        }
        assertThat(small.size()).isLessThanOrEqualTo(16);
    }

    private static FeedHeads.Head head(long filledAtNanos, long... ids) {
        return new FeedHeads.Head(ids, true, false, new long[0], filledAtNanos);
    }

    private static TimelinePage page(boolean truncated, long... ids) {
        return new TimelinePage(ids, new long[0], false, truncated);
    }
}
