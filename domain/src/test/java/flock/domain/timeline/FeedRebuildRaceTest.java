package flock.domain.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractMap.SimpleEntry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A home feed rebuilt while a followed account posts, step by step as the rebuild and the fan-out run on the feed's
 * owner: the rebuild's read of the authors' timelines misses the tweet (it was not there yet), and the tweet's fan-out
 * reaches the feed before the rebuild installs it.
 */
class FeedRebuildRaceTest {
    private static final long READER = 7;
    private static final long OLDER = 100;
    private static final long POSTED = 200;

    @Test
    void should_keep_a_tweet_fanned_out_between_the_rebuilds_read_and_its_install() {
        Map.Entry<Long, Timeline> feed = new SimpleEntry<>(READER, null);

        new StartRebuild(1_000).process(feed);
        long[] readFromAuthors = {OLDER}; // the authors' timelines, read before the post reached them
        fanOut(feed, POSTED);
        assertThat(page(feed)).as("not readable until installed").isNull();
        install(feed, readFromAuthors);

        assertThat(page(feed).ids()).containsExactly(POSTED, OLDER);
        assertThat(feed.getValue().beingRebuilt()).isFalse();
    }

    @Test
    void should_lose_that_tweet_without_the_stand_in() {
        Map.Entry<Long, Timeline> feed = new SimpleEntry<>(READER, null);

        fanOut(feed, POSTED); // the fan-out finds no feed and leaves it alone, as it must for feeds not in memory
        install(feed, new long[] {OLDER});

        assertThat(page(feed).ids()).as("why the stand-in exists").containsExactly(OLDER);
    }

    @Test
    void should_leave_a_feed_already_there_as_it_is() {
        Timeline installed = Timeline.ofNewestFirst(new long[] {OLDER}, 1);
        installed.markRead(5_000);
        Map.Entry<Long, Timeline> feed = new SimpleEntry<>(READER, installed);

        new StartRebuild(6_000).process(feed);

        assertThat(feed.getValue().beingRebuilt()).isFalse();
        assertThat(page(feed).ids()).containsExactly(OLDER);
    }

    @Test
    void should_not_let_a_read_mark_make_a_stand_in_look_installed() {
        Map.Entry<Long, Timeline> feed = new SimpleEntry<>(READER, null);
        new StartRebuild(1_000).process(feed);

        new MarkFeedRead(2_000).process(feed);

        assertThat(feed.getValue().beingRebuilt()).isTrue();
        assertThat(page(feed)).isNull();
    }

    @Test
    void should_evict_a_stand_in_only_once_its_rebuild_is_older_than_the_idle_limit() {
        Map.Entry<Long, Timeline> recent = new SimpleEntry<>(READER, Timeline.rebuilding(10_000));
        Map.Entry<Long, Timeline> abandoned = new SimpleEntry<>(READER, Timeline.rebuilding(1_000));

        assertThat(new EvictIdleFeed(5_000).process(recent)).isFalse();
        assertThat(new EvictIdleFeed(5_000).process(abandoned)).isTrue();
        assertThat(abandoned.getValue()).isNull();
    }

    private static void fanOut(Map.Entry<Long, Timeline> feed, long tweet) {
        new ApplyFeedUpdates(new long[] {READER}, new int[] {1}, new long[] {tweet}).process(feed);
    }

    private static void install(Map.Entry<Long, Timeline> feed, long[] newestFirst) {
        new InstallRebuiltFeed(newestFirst, new long[0], 1_500, false, new long[0], new long[0]).process(feed);
    }

    private static TimelinePage page(Map.Entry<Long, Timeline> feed) {
        return new ReadTimelinePage(Long.MAX_VALUE, 0, 20, 0).process(feed);
    }
}
