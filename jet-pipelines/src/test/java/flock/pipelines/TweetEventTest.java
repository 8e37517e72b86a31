package flock.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import flock.domain.graph.FollowList;
import java.util.Arrays;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class TweetEventTest {

    @Test
    void should_split_a_big_fan_out_into_batches_covering_the_author_and_every_follower_once() {
        FollowList followers = FollowList.EMPTY;
        for (long follower = 1; follower <= 2_500; follower++) {
            followers = followers.with(follower, follower);
        }
        TweetEvent event = new TweetEvent(77, 9_999, 0, false, false);

        FanOutBatch[] batches = event.batchesFor(followers);

        assertThat(batches).hasSize(3);
        assertThat(batches).allMatch(batch -> batch.userIds().length <= FanOutBatch.MAX_FEEDS);
        assertThat(batches[0].userIds()[0]).as("the author's own feed").isEqualTo(9_999);
        long[] all = Arrays.stream(batches)
                .flatMapToLong(batch -> LongStream.of(batch.userIds()))
                .sorted()
                .toArray();
        assertThat(all).doesNotHaveDuplicates().hasSize(2_501).contains(1, 2_500, 9_999);
    }

    @Test
    void should_update_only_the_authors_feed_without_followers() {
        FanOutBatch[] batches = new TweetEvent(5, 3, 0, true, false).batchesFor(null);
        assertThat(batches).hasSize(1);
        assertThat(batches[0].userIds()).containsExactly(3);
        assertThat(batches[0].removal()).isTrue();
    }
}
