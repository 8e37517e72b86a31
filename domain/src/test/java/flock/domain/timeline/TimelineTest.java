package flock.domain.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimelineTest {

    @Test
    void should_keep_ids_newest_first_whatever_the_insert_order() {
        Timeline timeline = Timeline.empty();
        for (long id : new long[] {5, 9, 1, 7, 3}) {
            timeline.insert(id);
        }
        assertThat(timeline.toArray()).containsExactly(9, 7, 5, 3, 1);
    }

    @Test
    void should_ignore_an_id_inserted_twice() {
        Timeline timeline = Timeline.empty();
        assertThat(timeline.insert(42)).isTrue();
        assertThat(timeline.insert(42)).isFalse();
        assertThat(timeline.toArray()).containsExactly(42);
    }

    @Test
    void should_drop_oldest_entry_when_timeline_is_full() {
        Timeline timeline = Timeline.empty();
        for (long id = 1; id <= Timeline.MAX_ENTRIES; id++) {
            timeline.insert(id);
        }
        timeline.insert(Timeline.MAX_ENTRIES + 1);
        assertThat(timeline.size()).isEqualTo(Timeline.MAX_ENTRIES);
        assertThat(timeline.get(0)).isEqualTo(Timeline.MAX_ENTRIES + 1);
        assertThat(timeline.contains(1)).isFalse();
        assertThat(timeline.contains(2)).isTrue();
    }

    @Test
    void should_refuse_an_id_older_than_everything_in_a_full_timeline() {
        Timeline timeline = Timeline.empty();
        for (long id = 100; id < 100 + Timeline.MAX_ENTRIES; id++) {
            timeline.insert(id);
        }
        assertThat(timeline.insert(5)).isFalse();
        assertThat(timeline.contains(5)).isFalse();
    }

    @Test
    void should_remove_an_id_and_keep_the_order() {
        Timeline timeline = Timeline.ofNewestFirst(new long[] {9, 7, 5}, 3);
        assertThat(timeline.remove(7)).isTrue();
        assertThat(timeline.remove(7)).isFalse();
        assertThat(timeline.toArray()).containsExactly(9, 5);
    }

    @Test
    void should_page_with_max_id_and_since_id_cursors() {
        Timeline timeline = Timeline.ofNewestFirst(new long[] {90, 80, 70, 60, 50, 40}, 6);
        assertThat(timeline.page(Long.MAX_VALUE, 0, 2)).containsExactly(90, 80);
        assertThat(timeline.page(80, 0, 2)).containsExactly(70, 60);
        assertThat(timeline.page(75, 0, 10)).containsExactly(70, 60, 50, 40);
        assertThat(timeline.page(Long.MAX_VALUE, 60, 10)).containsExactly(90, 80, 70);
        assertThat(timeline.page(40, 0, 10)).isEmpty();
    }

    @Test
    void should_merge_without_duplicates_and_keep_the_newest() {
        Timeline timeline = Timeline.ofNewestFirst(new long[] {10, 6, 2}, 3);
        timeline.mergeNewestFirst(new long[] {12, 6, 4, 1});
        assertThat(timeline.toArray()).containsExactly(12, 10, 6, 4, 2, 1);
    }

    @Test
    void should_trim_a_merge_to_the_maximum() {
        long[] many = new long[Timeline.MAX_ENTRIES + 50];
        for (int i = 0; i < many.length; i++) {
            many[i] = many.length - i;
        }
        Timeline timeline = Timeline.empty();
        timeline.mergeNewestFirst(many);
        assertThat(timeline.size()).isEqualTo(Timeline.MAX_ENTRIES);
        assertThat(timeline.get(0)).isEqualTo(many.length);
    }

    @Test
    void should_keep_pulled_accounts_sorted_and_unique() {
        Timeline feed = Timeline.empty();
        assertThat(feed.setPulled(30, true)).isTrue();
        assertThat(feed.setPulled(10, true)).isTrue();
        assertThat(feed.setPulled(20, true)).isTrue();
        assertThat(feed.setPulled(20, true)).isFalse();
        assertThat(feed.pulledAuthors()).containsExactly(10, 20, 30);
        assertThat(feed.setPulled(20, false)).isTrue();
        assertThat(feed.setPulled(99, false)).isFalse();
        assertThat(feed.pulledAuthors()).containsExactly(10, 30);
    }

    @Test
    void should_never_move_the_last_read_time_backwards() {
        Timeline feed = Timeline.empty();
        assertThat(feed.markRead(500)).isTrue();
        assertThat(feed.markRead(400)).isFalse();
        assertThat(feed.lastReadMillis()).isEqualTo(500);
    }

    @Test
    void should_know_it_is_truncated_once_it_drops_or_refuses_older_entries() {
        Timeline timeline = Timeline.empty();
        for (long id = 1; id <= Timeline.MAX_ENTRIES; id++) {
            timeline.insert(id);
        }
        assertThat(timeline.truncated()).as("full, but nothing dropped").isFalse();
        timeline.insert(Timeline.MAX_ENTRIES + 1);
        assertThat(timeline.truncated()).isTrue();

        Timeline merged = Timeline.ofNewestFirst(new long[] {5, 4}, 2);
        long[] many = new long[Timeline.MAX_ENTRIES];
        for (int i = 0; i < many.length; i++) {
            many[i] = 10_000 - i;
        }
        merged.mergeNewestFirst(many);
        assertThat(merged.truncated()).isTrue();
        assertThat(merged.size()).isEqualTo(Timeline.MAX_ENTRIES);

        long[] loaded = new long[Timeline.MAX_ENTRIES + 1];
        for (int i = 0; i < loaded.length; i++) {
            loaded[i] = 5_000 - i;
        }
        assertThat(Timeline.ofNewestFirst(loaded, loaded.length).truncated()).isTrue();
        assertThat(Timeline.ofNewestFirst(loaded, Timeline.MAX_ENTRIES).truncated())
                .isFalse();
    }
}
