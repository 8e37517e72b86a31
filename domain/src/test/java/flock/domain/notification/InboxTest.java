package flock.domain.notification;

import static flock.domain.notification.NotificationKind.FOLLOW;
import static flock.domain.notification.NotificationKind.LIKE;
import static flock.domain.notification.NotificationKind.MENTION;
import static flock.domain.notification.NotificationKind.REPLY;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InboxTest {
    private static final long NOW = 1_700_000_000_000L;

    @Test
    void should_group_the_likes_of_one_tweet_newest_liker_first_and_move_the_group_up() {
        Inbox inbox = Inbox.EMPTY
                .with(LIKE, 40, 7, 100, NOW)
                .with(MENTION, 50, 9, 101, NOW + 1)
                .with(LIKE, 40, 8, 102, NOW + 2)
                .with(LIKE, 40, 10, 103, NOW + 3)
                .with(LIKE, 40, 11, 104, NOW + 4);

        assertThat(inbox.size()).isEqualTo(2);
        NotificationGroup likes = inbox.group(0);
        assertThat(likes.kind()).isEqualTo(LIKE);
        assertThat(likes.id()).isEqualTo(104);
        assertThat(likes.count()).isEqualTo(4);
        assertThat(likes.latestAt()).isEqualTo(NOW + 4);
        assertThat(likes.actors()).containsExactly(11, 10, 8);
        assertThat(inbox.group(1).kind()).isEqualTo(MENTION);
    }

    @Test
    void should_change_nothing_for_an_event_applied_before() {
        Inbox once = Inbox.EMPTY.with(LIKE, 40, 7, 100, NOW).with(FOLLOW, 0, 8, 101, NOW);

        assertThat(once.with(LIKE, 40, 7, 100, NOW)).isSameAs(once);
        assertThat(once.with(FOLLOW, 0, 8, 101, NOW)).isSameAs(once);
        assertThat(once.group(0).count()).isEqualTo(1);
    }

    @Test
    void should_take_an_event_older_than_every_remembered_one_for_a_replay_once_the_memory_is_full() {
        Inbox inbox = Inbox.EMPTY;
        for (int i = 0; i < Inbox.RECENT_EVENTS + 10; i++) {
            inbox = inbox.with(LIKE, 40, 1000 + i, 10_000 + i, NOW + i);
        }
        int count = inbox.group(0).count();

        assertThat(inbox.recentEvents()).hasSize(Inbox.RECENT_EVENTS);
        assertThat(inbox.with(LIKE, 40, 5, 10_000, NOW)).isSameAs(inbox);
        assertThat(inbox.with(LIKE, 40, 5, 99_999, NOW).group(0).count()).isEqualTo(count + 1);
    }

    @Test
    void should_keep_an_older_event_of_a_group_without_moving_it() {
        Inbox inbox = Inbox.EMPTY.with(LIKE, 40, 7, 100, NOW).with(REPLY, 60, 9, 110, NOW);

        Inbox late = inbox.with(LIKE, 40, 8, 95, NOW - 5);

        assertThat(late.group(1).id()).isEqualTo(100);
        assertThat(late.group(1).actors()).containsExactly(7, 8);
        assertThat(late.group(1).latestAt()).isEqualTo(NOW);
    }

    @Test
    void should_count_a_follower_once_per_hour_group() {
        Inbox inbox = Inbox.EMPTY
                .with(FOLLOW, 0, 7, 100, NOW)
                .with(FOLLOW, 0, 7, 101, NOW)
                .with(FOLLOW, 0, 8, 102, NOW);

        assertThat(inbox.group(0).count()).isEqualTo(2);
        assertThat(inbox.with(FOLLOW, NotificationKind.HOUR_MILLIS, 9, 103, NOW).size())
                .isEqualTo(2);
    }

    @Test
    void should_keep_only_the_newest_groups() {
        Inbox inbox = Inbox.EMPTY;
        for (int i = 0; i < Inbox.CAPACITY + 5; i++) {
            inbox = inbox.with(MENTION, 500 + i, 7, 1000 + i, NOW);
        }

        assertThat(inbox.size()).isEqualTo(Inbox.CAPACITY);
        assertThat(inbox.full()).isTrue();
        assertThat(inbox.group(0).id()).isEqualTo(1000 + Inbox.CAPACITY + 4);
        assertThat(inbox.group(Inbox.CAPACITY - 1).id()).isEqualTo(1005);
        assertThat(inbox.actors()).hasSize(Inbox.CAPACITY * Inbox.ACTORS_SHOWN);
    }

    @Test
    void should_move_the_read_marker_up_only_and_never_past_the_newest_group() {
        Inbox inbox = Inbox.EMPTY.with(MENTION, 50, 7, 100, NOW).with(MENTION, 51, 7, 110, NOW);

        assertThat(inbox.unread()).isEqualTo(2);
        Inbox read = inbox.markedRead(100);
        assertThat(read.unread()).isEqualTo(1);
        assertThat(read.markedRead(50).readUpTo()).isEqualTo(100);
        assertThat(read.markedRead(Long.MAX_VALUE).readUpTo()).isEqualTo(110);
        assertThat(read.markedRead(Long.MAX_VALUE)
                        .with(MENTION, 52, 7, 120, NOW)
                        .unread())
                .isEqualTo(1);
    }

    @Test
    void should_forget_the_groups_about_a_deleted_tweet() {
        Inbox inbox = Inbox.EMPTY
                .with(LIKE, 40, 7, 100, NOW)
                .with(MENTION, 50, 8, 101, NOW)
                .with(NotificationKind.REPOST, 40, 9, 102, NOW);

        Inbox left = inbox.withoutTweet(40);

        assertThat(left.size()).isEqualTo(1);
        assertThat(left.group(0).subject()).isEqualTo(50);
        assertThat(left.actors()).hasSize(Inbox.ACTORS_SHOWN);
        assertThat(left.group(0).actors()).containsExactly(8);
    }

    @Test
    void should_page_by_id_and_kind_with_one_more_when_more_exist() {
        Inbox inbox = Inbox.EMPTY;
        for (int i = 0; i < 10; i++) {
            inbox = inbox.with(i % 2 == 0 ? MENTION : REPLY, 500 + i, 7, 1000 + i, NOW);
        }

        Inbox page = inbox.page(1009, 0, 3, MENTION.bit());

        assertThat(page.groupIds()).containsExactly(1008, 1006, 1004, 1002);
        assertThat(inbox.page(Long.MAX_VALUE, 1006, 20, NotificationKind.ALL_KINDS)
                        .groupIds())
                .containsExactly(1009, 1008, 1007);
    }
}
