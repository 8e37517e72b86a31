package flock.domain.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FollowListTest {

    @Test
    void should_add_an_edge_once() {
        FollowList once = FollowList.EMPTY.with(7, 100);
        assertThat(once.with(7, 200)).isSameAs(once);
        assertThat(once.size()).isEqualTo(1);
    }

    @Test
    void should_page_most_recent_follows_first_below_the_cursor() {
        FollowList list = FollowList.EMPTY.with(1, 10).with(2, 20).with(3, 30).with(4, 40);
        FollowList first = list.newestBelow(Long.MAX_VALUE, 2);
        assertThat(first.userIds()).containsExactly(4, 3);
        FollowList second = list.newestBelow(first.edgeIds()[1], 2);
        assertThat(second.userIds()).containsExactly(2, 1);
        assertThat(list.newestBelow(10, 2).size()).isZero();
    }

    @Test
    void should_keep_edges_in_edge_order_when_they_arrive_out_of_order() {
        FollowList list = FollowList.EMPTY.with(1, 30).with(2, 10).with(3, 20);
        assertThat(list.edgeIds()).containsExactly(10, 20, 30);
        assertThat(list.userIds()).containsExactly(2, 3, 1);
    }

    @Test
    void should_remove_an_edge_and_leave_the_original_untouched() {
        FollowList list = FollowList.EMPTY.with(1, 10).with(2, 20);
        FollowList removed = list.without(1);
        assertThat(removed.userIds()).containsExactly(2);
        assertThat(list.userIds()).containsExactly(1, 2);
        assertThat(removed.without(1)).isSameAs(removed);
    }
}
