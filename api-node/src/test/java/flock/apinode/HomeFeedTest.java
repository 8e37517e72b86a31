package flock.apinode;

import static org.assertj.core.api.Assertions.assertThat;

import flock.domain.Timeline;
import java.util.List;
import org.junit.jupiter.api.Test;

class HomeFeedTest {

    @Test
    void should_merge_author_timelines_newest_first_without_duplicates() {
        Timeline alice = Timeline.ofNewestFirst(new long[] {90, 50, 10}, 3);
        Timeline bob = Timeline.ofNewestFirst(new long[] {70, 50, 20}, 3);
        assertThat(HomeFeed.newestDistinct(List.of(alice, bob))).containsExactly(90, 70, 50, 20, 10);
    }

    @Test
    void should_keep_only_the_newest_800_of_a_rebuild() {
        long[] many = new long[Timeline.MAX_ENTRIES];
        long[] older = new long[Timeline.MAX_ENTRIES];
        for (int i = 0; i < many.length; i++) {
            many[i] = 10_000 - i;
            older[i] = 1_000 - i;
        }
        long[] merged = HomeFeed.newestDistinct(
                List.of(Timeline.ofNewestFirst(older, older.length), Timeline.ofNewestFirst(many, many.length)));
        assertThat(merged).hasSize(Timeline.MAX_ENTRIES);
        assertThat(merged[0]).isEqualTo(10_000);
        assertThat(merged[merged.length - 1]).isEqualTo(10_000 - Timeline.MAX_ENTRIES + 1);
    }

    @Test
    void should_answer_an_empty_feed_for_nobody_followed() {
        assertThat(HomeFeed.newestDistinct(List.of())).isEmpty();
    }
}
