package flock.apinode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.core.JobStatus;
import com.hazelcast.map.IMap;
import flock.apinode.account.Accounts;
import flock.apinode.graph.Graph;
import flock.apinode.paging.PageRequest;
import flock.apinode.render.Views;
import flock.apinode.timeline.HomeFeed;
import flock.apinode.tweet.Tweets;
import flock.domain.MapNames;
import flock.domain.timeline.Timeline;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A deleted tweet is never served once the delete is acknowledged, even while the fan-out has not yet
 * taken it out of the followers' feeds: the test holds the fan-out job still to keep the removal in flight.
 */
class DeleteVisibilityTest {
    /** How long an asynchronous outcome may take on a busy 2-core machine before the test fails. */
    private static final Duration EVENTUALLY = Duration.ofMinutes(2);

    private final HazelcastInstance grid = TestGrid.client();
    private final ApiServices api = ApiServices.wire(grid);
    private final Accounts accounts = api.accounts();
    private final Graph graph = api.graph();
    private final Tweets tweets = api.tweets();
    private final HomeFeed homeFeed = api.homeFeed();
    private final Views views = api.views();

    @Test
    void should_not_serve_a_deleted_tweet_while_its_removal_is_in_flight() {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000), 36);
        long author = accounts.signUp("del_a_" + run, "Author").user().id();
        long reader = accounts.signUp("del_r_" + run, "Reader").user().id();
        graph.follow(reader, author);
        homeFeed.page(reader, new PageRequest(20, Long.MAX_VALUE, 0)); // the reader's feed is now cached
        long doomed =
                tweets.post(author, "soon gone " + run, new long[0]).tweet().id();
        IMap<Long, Timeline> homes = grid.getMap(MapNames.HOME_TIMELINES);
        await().atMost(EVENTUALLY)
                .untilAsserted(
                        () -> assertThat(homes.get(reader).contains(doomed)).isTrue());

        Job fanOut = grid.getJet().getJob(MapNames.FAN_OUT_JOB);
        fanOut.suspend();
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(fanOut.getStatus()).isEqualTo(JobStatus.SUSPENDED));
        try {
            tweets.delete(author, doomed);

            assertThat(homes.get(reader).contains(doomed))
                    .as("the removal is still in flight")
                    .isTrue();
            String page = firstPage(reader);
            assertThat(page).doesNotContain("soon gone").contains("\"items\":[]");
            assertThat(tweets.find(doomed)).isEmpty();
        } finally {
            fanOut.resume();
        }
        await().atMost(EVENTUALLY)
                .untilAsserted(
                        () -> assertThat(homes.get(reader).contains(doomed)).isFalse());
    }

    private String firstPage(long reader) {
        long[] ids = homeFeed.page(reader, new PageRequest(20, Long.MAX_VALUE, 0));
        return new String(views.tweetPage(ids, 20), StandardCharsets.UTF_8);
    }
}
