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
    void should_take_the_fanned_out_tweets_into_a_cached_head_as_the_feed_did() {
        heads.fill(READER, heads.generation(READER), head(0, 30, 20, 10));

        heads.onChanges(
                new FeedChanges("fan-out", 1, new long[] {7, READER}, new int[] {1, 3}, new long[] {99, 35, 25}));

        assertThat(heads.get(READER, 1)).as("patched, not dropped").isNotNull();
        assertThat(heads.get(READER, 1).firstPage(0, 10)).containsExactly(35, 30, 25, 20, 10);
        assertThat(heads.get(7, 1)).as("a feed not cached stays so").isNull();
    }

    @Test
    void should_give_the_same_head_whatever_the_order_of_the_messages_and_however_often_heard() {
        FeedHeads other = new FeedHeads(Duration.ofSeconds(30), 1_000);
        heads.fill(READER, heads.generation(READER), head(0, 30, 20));
        other.fill(READER, other.generation(READER), head(0, 30, 20));
        long[] feeds = {READER};

        heads.onChanges(new FeedChanges("a", 1, feeds, new int[] {1}, new long[] {40}));
        heads.onChanges(new FeedChanges("b", 1, feeds, new int[] {2}, new long[] {25, 50}));
        heads.onChanges(new FeedChanges("b", 2, feeds, new int[] {1}, new long[] {50})); // replayed fan-out
        other.onChanges(new FeedChanges("b", 1, feeds, new int[] {2}, new long[] {50, 25}));
        other.onChanges(new FeedChanges("a", 1, feeds, new int[] {1}, new long[] {40}));

        assertThat(heads.get(READER, 1).firstPage(0, 10)).containsExactly(50, 40, 30, 25, 20);
        assertThat(other.get(READER, 1).firstPage(0, 10)).containsExactly(50, 40, 30, 25, 20);
    }

    @Test
    void should_keep_only_as_many_of_the_newest_ids_as_the_head_knew() {
        FeedHeads.Head partial = FeedHeads.Head.of(page(false, 50, 40, 30), 3, 0); // more may exist below 30

        FeedHeads.Head patched = partial.withUpdates(new long[] {45, 10}, 0, 2);

        assertThat(patched.ids())
                .as("10 may have older ids above it that the head never knew")
                .containsExactly(50, 45, 40);
        assertThat(patched.complete()).isFalse();
    }

    @Test
    void should_let_a_head_of_the_whole_feed_grow_to_its_size_then_hold_only_the_newest() {
        FeedHeads.Head whole = FeedHeads.Head.of(page(false, 10), FeedHeads.HEAD_IDS, 0);
        long[] newer = new long[FeedHeads.HEAD_IDS];
        for (int i = 0; i < newer.length; i++) {
            newer[i] = 11 + i;
        }

        FeedHeads.Head grown = whole.withUpdates(newer, 0, FeedHeads.HEAD_IDS - 1);
        FeedHeads.Head full = grown.withUpdates(newer, FeedHeads.HEAD_IDS - 1, FeedHeads.HEAD_IDS);

        assertThat(grown.ids()).hasSize(FeedHeads.HEAD_IDS).endsWith(10);
        assertThat(grown.complete()).as("still the whole feed").isTrue();
        assertThat(full.ids()).hasSize(FeedHeads.HEAD_IDS).startsWith(51).endsWith(11);
        assertThat(full.complete()).as("10 fell out: older ids exist").isFalse();
    }

    @Test
    void should_forget_a_head_when_a_tweet_is_taken_out_of_its_feed() {
        heads.fill(READER, heads.generation(READER), head(0, 30, 20, 10));

        heads.onChanges(new FeedChanges("fan-out", 1, new long[] {READER}, new int[] {2}, new long[] {40, ~20L}));

        assertThat(heads.get(READER, 1))
                .as("what lay below 10 is not known here")
                .isNull();
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
