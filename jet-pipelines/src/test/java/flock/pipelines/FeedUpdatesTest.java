package flock.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flock.domain.timeline.ApplyFeedUpdates;
import java.util.List;
import java.util.function.LongToIntFunction;
import org.junit.jupiter.api.Test;

class FeedUpdatesTest {
    /** Feeds 1-9 in three partitions: the feed's id modulo 3. */
    private static final LongToIntFunction MODULO_3 = feed -> (int) (feed % 3);

    @Test
    void should_group_updates_by_feed_in_the_order_the_batches_came() {
        FeedUpdates updates = FeedUpdates.of(List.of(
                new FanOutBatch(100, 0, false, new long[] {9, 3, 5}),
                new FanOutBatch(200, 0, false, new long[] {5}),
                new FanOutBatch(100, 0, true, new long[] {3, 9})));

        assertThat(updates.feeds()).containsExactly(3, 5, 9);
        assertThat(updates.ends()).containsExactly(2, 4, 6);
        assertThat(updates.updates()).containsExactly(100, ~100, 100, 200, 100, ~100);
    }

    @Test
    void should_give_each_partition_only_its_own_feeds_updates() {
        FeedUpdates updates = FeedUpdates.of(List.of(
                new FanOutBatch(100, 0, false, new long[] {1, 2, 3, 4, 7}),
                new FanOutBatch(300, 0, false, new long[] {4, 2}),
                new FanOutBatch(100, 0, true, new long[] {7})));

        FeedUpdatesByPartition call = updates.byPartition("feeds", MODULO_3, null);

        assertThat(call.partitionList()).containsExactly(0, 1, 2);
        ApplyFeedUpdates first = call.updatesOf(1); // feeds 1, 4 and 7
        assertThat(first.feeds()).containsExactly(1, 4, 7);
        assertThat(first.ends()).containsExactly(1, 3, 5);
        assertThat(first.updates()).containsExactly(100, 100, 300, 100, ~100);
        ApplyFeedUpdates second = call.updatesOf(2); // feed 2
        assertThat(second.feeds()).containsExactly(2);
        assertThat(second.ends()).containsExactly(2);
        assertThat(second.updates()).containsExactly(100, 300);
        assertThat(call.updatesOf(0).feeds()).containsExactly(3);
        assertThat(call.updatesOf(0).originals()).isEmpty();
    }

    @Test
    void should_carry_each_repost_original_with_its_partition_share() {
        FeedUpdates updates = FeedUpdates.of(List.of(
                new FanOutBatch(100, 0, false, new long[] {1, 2}),
                new FanOutBatch(500, 0, false, new long[] {2}, FanOutBatch.Audience.EVERYONE, 100)));

        FeedUpdatesByPartition call = updates.byPartition("feeds", MODULO_3, null);

        assertThat(call.updatesOf(2).updates()).containsExactly(100, 500);
        assertThat(call.updatesOf(2).originals()).containsExactly(0, 100);
        assertThat(call.updatesOf(1).originals()).containsExactly(0);
    }

    @Test
    void should_refuse_a_partition_the_call_does_not_touch() {
        FeedUpdatesByPartition call = FeedUpdates.of(List.of(new FanOutBatch(100, 0, false, new long[] {3})))
                .byPartition("feeds", MODULO_3, null);

        assertThatThrownBy(() -> call.updatesOf(1)).hasMessageContaining("partition 1");
    }
}
