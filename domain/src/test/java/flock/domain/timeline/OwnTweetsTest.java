package flock.domain.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractMap.SimpleEntry;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** An author's own timeline: its ids and the tweet count the profile shows, changed by one operation each. */
class OwnTweetsTest {

    @Test
    void should_create_the_timeline_with_a_first_tweet_and_count_it() {
        Map.Entry<Long, Timeline> own = new SimpleEntry<>(1L, null);

        new AddOwnTweet(10).process(own);

        assertThat(own.getValue().toArray()).containsExactly(10);
        assertThat(new CountTweets().process(own)).isEqualTo(1);
    }

    @Test
    void should_count_a_retried_post_or_delete_once() {
        Map.Entry<Long, Timeline> own = new SimpleEntry<>(1L, null);

        new AddOwnTweet(10).process(own);
        new AddOwnTweet(10).process(own);
        new AddOwnTweet(11).process(own);
        new RemoveOwnTweet(10).process(own);
        new RemoveOwnTweet(10).process(own);

        assertThat(own.getValue().toArray()).containsExactly(11);
        assertThat(own.getValue().tweetCount()).isEqualTo(1);
    }

    @Test
    void should_uncount_a_deleted_tweet_older_than_memory_keeps() {
        long[] newest = LongStream.rangeClosed(1, Timeline.MAX_ENTRIES + 1)
                .map(i -> 10_000 - i)
                .toArray();
        Timeline timeline = Timeline.ofNewestFirst(newest, newest.length); // the oldest one is only in Cassandra
        timeline.setTweetCount(2_000);
        Map.Entry<Long, Timeline> own = new SimpleEntry<>(1L, timeline);

        new RemoveOwnTweet(5).process(own);
        new RemoveOwnTweet(20_000).process(own);

        assertThat(own.getValue().tweetCount())
                .as("the old one uncounted; one newer than any kept was never there")
                .isEqualTo(1_999);
        assertThat(own.getValue().size()).isEqualTo(Timeline.MAX_ENTRIES);
    }

    @Test
    void should_count_nothing_for_an_author_without_a_timeline() {
        assertThat(new CountTweets().process(new SimpleEntry<>(1L, null))).isZero();
        Map.Entry<Long, Timeline> none = new SimpleEntry<>(1L, null);
        new RemoveOwnTweet(3).process(none);
        assertThat(none.getValue()).isNull();
    }
}
