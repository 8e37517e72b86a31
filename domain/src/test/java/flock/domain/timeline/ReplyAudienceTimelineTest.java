package flock.domain.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An author's timeline remembers whom its replies to others reach, so feeds built from it keep the reply rule. */
class ReplyAudienceTimelineTest {
    private static final long REPLIED_TO = 500;
    private static final long READER = 7;

    @Test
    void should_leave_a_reply_to_someone_else_out_of_a_page_for_a_reader_who_does_not_follow_them() {
        Timeline author = Timeline.empty();
        author.insert(10, 0);
        author.insert(20, REPLIED_TO);
        author.insert(30, 0);

        assertThat(author.page(Long.MAX_VALUE, 0, 10, FeedReader.of(READER, new long[] {1, 2})))
                .containsExactly(30, 10);
        assertThat(author.page(Long.MAX_VALUE, 0, 10, FeedReader.of(READER, new long[] {REPLIED_TO, 1})))
                .as("a reader who follows both")
                .containsExactly(30, 20, 10);
        assertThat(author.page(Long.MAX_VALUE, 0, 10, FeedReader.of(REPLIED_TO, new long[0])))
                .as("the account replied to")
                .containsExactly(30, 20, 10);
        assertThat(author.page(Long.MAX_VALUE, 0, 10))
                .as("the author's profile")
                .containsExactly(30, 20, 10);
    }

    @Test
    void should_fill_a_readers_page_past_the_replies_it_skips() {
        Timeline author = Timeline.empty();
        for (long id = 1; id <= 10; id++) {
            author.insert(id, id % 2 == 0 ? REPLIED_TO : 0);
        }
        FeedReader stranger = FeedReader.of(READER, new long[0]);
        assertThat(author.page(Long.MAX_VALUE, 0, 3, stranger)).containsExactly(9, 7, 5);
        assertThat(author.page(5, 0, 3, stranger)).containsExactly(3, 1);
        assertThat(author.narrowsAny(new long[] {9, 7})).isFalse();
        assertThat(author.narrowsAny(new long[] {9, 8})).isTrue();
    }

    @Test
    void should_forget_whom_a_reply_reaches_once_it_is_deleted_or_trimmed() {
        Timeline author = Timeline.empty();
        author.insert(1, REPLIED_TO);
        author.insert(2, REPLIED_TO);
        author.remove(2);
        assertThat(author.narrowedIds()).containsExactly(1);
        for (long id = 3; id < 3 + Timeline.MAX_ENTRIES; id++) {
            author.insert(id, 0);
        }
        assertThat(author.contains(1)).isFalse();
        assertThat(author.narrowedIds())
                .as("nothing kept for a tweet memory no longer keeps")
                .isEmpty();
        assertThat(author.audienceOf(1)).isZero();
    }
}
