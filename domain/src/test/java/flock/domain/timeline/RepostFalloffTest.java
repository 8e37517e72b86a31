package flock.domain.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Mastodon's rule for reposts in a home feed: once per original, and not while the original is near the top. */
class RepostFalloffTest {
    private static final long ORIGINAL = 1_000;

    @Test
    void should_leave_out_a_repost_of_a_tweet_among_the_newest_40_entries() {
        Timeline feed = Timeline.empty();
        feed.insert(ORIGINAL);
        for (long id = 2_000; id < 2_000 + Timeline.REPOST_FALLOFF - 1; id++) {
            feed.insert(id); // the original is now the 40th newest entry
        }
        assertThat(feed.insertRepost(5_000, ORIGINAL)).isFalse();
        assertThat(feed.contains(5_000)).isFalse();

        feed.insert(3_000); // and now the 41st: far enough down for a repost to bring it back up
        assertThat(feed.insertRepost(5_001, ORIGINAL)).isTrue();
        assertThat(feed.originalOf(5_001)).isEqualTo(ORIGINAL);
    }

    @Test
    void should_show_a_tweet_once_however_many_accounts_repost_it() {
        Timeline feed = Timeline.empty();
        assertThat(feed.insertRepost(5_000, ORIGINAL)).isTrue();
        assertThat(feed.insertRepost(5_001, ORIGINAL))
                .as("a second account's repost")
                .isFalse();
        assertThat(feed.insertRepost(5_000, ORIGINAL))
                .as("the same update again")
                .isFalse();
        assertThat(feed.toArray()).containsExactly(5_000);

        feed.remove(5_000); // taken back: the next repost of it may enter
        assertThat(feed.originalOf(5_000)).isZero();
        assertThat(feed.insertRepost(5_002, ORIGINAL)).isTrue();
        assertThat(feed.toArray()).containsExactly(5_002);
    }

    /** The fan-out runs in parallel: whichever repost arrives first, the earlier one is kept, as a rebuild keeps it. */
    @Test
    void should_keep_the_earlier_repost_when_a_later_one_arrived_first() {
        Timeline feed = Timeline.empty();
        feed.insert(3_000);
        assertThat(feed.insertRepost(5_001, ORIGINAL)).isTrue();
        assertThat(feed.insertRepost(5_000, ORIGINAL))
                .as("the earlier repost, brought second")
                .isTrue();
        assertThat(feed.toArray()).containsExactly(5_000, 3_000);
        assertThat(feed.repostIds()).containsExactly(5_000);
        assertThat(feed.originalOf(5_001)).isZero();
        assertThat(feed.insertRepost(5_001, ORIGINAL))
                .as("the later one brought again")
                .isFalse();
        assertThat(feed)
                .isEqualTo(Timeline.withRepostRules(
                        new long[] {5_001, 5_000, 3_000}, java.util.Map.of(5_000L, ORIGINAL, 5_001L, ORIGINAL)));
    }

    /** A rebuilt feed keeps the rules as if the fan-out had brought its tweets one by one. */
    @Test
    void should_rebuild_a_feed_with_the_repost_rules_applied_oldest_first() {
        long[] merged = {5_002, 5_001, 3_000, 5_000, ORIGINAL}; // newest first, from the followed accounts' timelines
        java.util.Map<Long, Long> originals = java.util.Map.of(5_000L, ORIGINAL, 5_001L, ORIGINAL, 5_002L, 900L);
        Timeline rebuilt = Timeline.withRepostRules(merged, originals);
        assertThat(rebuilt.toArray())
                .as("the original near the top keeps both of its reposts out; another tweet's repost stays")
                .containsExactly(5_002, 3_000, ORIGINAL);
        assertThat(rebuilt.repostIds()).containsExactly(5_002);
        assertThat(rebuilt.repostOf()).containsExactly(900);
    }
}
