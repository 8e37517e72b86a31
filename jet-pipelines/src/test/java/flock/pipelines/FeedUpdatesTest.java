package flock.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import flock.domain.timeline.ApplyFeedUpdates;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedUpdatesTest {

    @Test
    void should_group_updates_by_feed_in_the_order_the_batches_came() {
        FeedUpdates updates = FeedUpdates.of(List.of(
                new FanOutBatch(100, 0, false, new long[] {9, 3, 5}),
                new FanOutBatch(200, 0, false, new long[] {5}),
                new FanOutBatch(100, 0, true, new long[] {3, 9})));

        assertThat(updates.feeds()).containsExactly(3, 5, 9);
        ApplyFeedUpdates all = updates.processorFor(new long[] {9, 5, 3});
        assertThat(all.feeds()).containsExactly(3, 5, 9);
        assertThat(all.ends()).containsExactly(2, 4, 6);
        assertThat(all.updates()).containsExactly(100, ~100, 100, 200, 100, ~100);
    }

    @Test
    void should_give_a_call_only_its_own_feeds_updates() {
        FeedUpdates updates = FeedUpdates.of(List.of(
                new FanOutBatch(100, 0, false, new long[] {1, 2, 3, 4}),
                new FanOutBatch(300, 0, false, new long[] {4, 2})));

        ApplyFeedUpdates call = updates.processorFor(new long[] {4, 1});

        assertThat(call.feeds()).containsExactly(1, 4);
        assertThat(call.ends()).containsExactly(1, 3);
        assertThat(call.updates()).containsExactly(100, 100, 300);
    }
}
