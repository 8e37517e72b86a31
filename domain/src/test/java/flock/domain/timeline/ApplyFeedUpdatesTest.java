package flock.domain.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.AbstractMap.SimpleEntry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApplyFeedUpdatesTest {
    private final ApplyFeedUpdates updates =
            new ApplyFeedUpdates(new long[] {3, 7, 9}, new int[] {2, 2, 5}, new long[] {100, 101, 102, ~100, 103});

    @Test
    void should_apply_only_the_feeds_own_slice_in_order() {
        Map.Entry<Long, Timeline> seven = entry(7, 50);
        Map.Entry<Long, Timeline> nine = entry(9, 100, 50);

        updates.process(seven);
        updates.process(nine);

        assertThat(seven.getValue().toArray()).as("an empty slice").containsExactly(50);
        assertThat(nine.getValue().toArray()).as("102 in, 100 out, 103 in").containsExactly(103, 102, 50);
    }

    @Test
    void should_take_tweet_zero_for_a_tweet_like_any_other() {
        ApplyFeedUpdates zero = new ApplyFeedUpdates(new long[] {1}, new int[] {2}, new long[] {0, 5});
        Map.Entry<Long, Timeline> feed = entry(1);

        zero.process(feed);

        assertThat(feed.getValue().toArray()).containsExactly(5, 0);
    }

    @Test
    void should_change_nothing_twice_when_replayed() {
        Map.Entry<Long, Timeline> three = entry(3);

        updates.process(three);
        updates.process(three);

        assertThat(three.getValue().toArray()).containsExactly(101, 100);
    }

    @Test
    void should_leave_feeds_that_are_not_cached_or_not_named_alone() {
        Map.Entry<Long, Timeline> absent = new SimpleEntry<>(3L, null);
        Map.Entry<Long, Timeline> other = entry(8, 1);

        updates.process(absent);
        updates.process(other);

        assertThat(absent.getValue()).isNull();
        assertThat(other.getValue().toArray()).containsExactly(1);
    }

    @Test
    void should_refuse_ends_that_do_not_cover_the_updates() {
        assertThatThrownBy(() -> new ApplyFeedUpdates(new long[] {1}, new int[] {1}, new long[] {5, 6}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map.Entry<Long, Timeline> entry(long feed, long... newestFirst) {
        return new SimpleEntry<>(feed, Timeline.ofNewestFirst(newestFirst, newestFirst.length));
    }
}
