package flock.apinode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import flock.apinode.account.Accounts;
import flock.apinode.streaming.Connection;
import flock.apinode.streaming.StreamEvent;
import flock.apinode.streaming.StreamSettings;
import flock.apinode.streaming.Streams;
import flock.apinode.timeline.FeedSettings;
import flock.apinode.tweet.Tweets;
import flock.domain.ErrorCode;
import flock.domain.FlockException;
import flock.domain.tweet.Tweet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Live streams through the API's services on an in-JVM grid with the fan-out and notify jobs: a followee's tweet and
 * its delete reach a connected follower, a mention arrives as a notification, a stream resumed after an id gets what
 * came after it once, and the node's limit and each stream's queue bound hold.
 */
class StreamingTest {
    private static final long WAIT_MILLIS = 60_000;

    private final HazelcastInstance grid = TestGrid.client();
    private final ApiServices api = ApiServices.wire(
            grid, ApiSettings.DEFAULTS.withStreaming(new StreamSettings(2, 3, Duration.ofSeconds(15))));
    private final Accounts accounts = api.accounts();
    private final Tweets tweets = api.tweets();
    private final Streams streams = api.streams();
    private final String run = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000), 36);

    @Test
    void should_stream_a_followed_accounts_tweet_its_delete_and_a_mention() throws Exception {
        long author = accounts.signUp("st_a_" + run, "Author").user().id();
        long reader = accounts.signUp("st_r_" + run, "Reader").user().id();
        api.graph().follow(reader, author);
        api.homeFeed().page(reader, new flock.apinode.paging.PageRequest(20, Long.MAX_VALUE, 0)); // feed in memory
        Connection stream = streams.connect(reader, 0);
        try {
            Tweet posted = tweets.post(author, "live", new long[0]).tweet();
            StreamEvent update = next(stream, "update");
            assertThat(text(update)).contains("\"id\":\"" + posted.id() + "\"").contains("\"text\":\"live\"");
            assertThat(update.id()).isEqualTo(posted.id());

            tweets.delete(author, posted.id());
            StreamEvent delete = next(stream, "delete");
            assertThat(text(delete)).isEqualTo("\"" + posted.id() + "\"");
            assertThat(delete.id())
                    .as("a delete leaves the cursor where it was")
                    .isEqualTo(posted.id());

            Tweet mention =
                    tweets.post(author, "@st_r_" + run + " hi", new long[0]).tweet();
            StreamEvent notification = next(stream, "notification");
            assertThat(text(notification)).contains("\"type\":\"mention\"");
            assertThat(notification.id()).isGreaterThanOrEqualTo(mention.id());
        } finally {
            streams.disconnect(stream);
        }
    }

    @Test
    void should_resume_after_the_last_event_with_what_came_since_and_nothing_twice() throws Exception {
        long author = accounts.signUp("sr_a_" + run, "Author").user().id();
        long reader = accounts.signUp("sr_r_" + run, "Reader").user().id();
        api.graph().follow(reader, author);
        Tweet seen = tweets.post(author, "seen", new long[0]).tweet();
        List<Long> missed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            missed.add(tweets.post(author, "missed " + i, new long[0]).tweet().id());
        }
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofMillis(WAIT_MILLIS))
                .until(() ->
                        api.homeFeed().page(reader, new flock.apinode.paging.PageRequest(20, Long.MAX_VALUE, 0)).length
                                == 4);

        Connection resumed = streams.connect(reader, seen.id());
        try {
            List<Long> got = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                got.add(next(resumed, "update").id());
            }
            assertThat(got).containsExactlyElementsOf(missed);
            assertThat(resumed.next(500)).as("nothing more, nothing twice").isNull();
        } finally {
            streams.disconnect(resumed);
        }
    }

    @Test
    void should_stream_the_tweets_of_an_account_in_pull_mode_which_reach_no_feed() throws Exception {
        ApiServices pulling =
                ApiServices.wire(grid, ApiSettings.DEFAULTS.withFeed(FeedSettings.DEFAULTS.withPullThreshold(1)));
        long star = pulling.accounts().signUp("sp_s_" + run, "Star").user().id();
        long reader = pulling.accounts().signUp("sp_r_" + run, "Reader").user().id();
        long other = pulling.accounts().signUp("sp_o_" + run, "Other").user().id();
        pulling.graph().follow(other, star);
        pulling.graph().follow(reader, star); // the second follower: past the threshold, the star is pulled
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofMillis(WAIT_MILLIS))
                .until(() -> grid.getMap(flock.domain.MapNames.PULL_ACCOUNTS).containsKey(star));
        Connection stream = pulling.streams().connect(reader, 0);
        try {
            Tweet posted = pulling.tweets()
                    .post(star, "pulled, not pushed", new long[0])
                    .tweet();
            assertThat(next(stream, "update").id()).isEqualTo(posted.id());
            pulling.tweets().delete(star, posted.id());
            assertThat(text(next(stream, "delete"))).isEqualTo("\"" + posted.id() + "\"");

            // Neither the star's reply to an account the reader does not follow, nor a tweet of an account the star
            // follows (in the star's own feed), reaches the reader; the star's next tweet does, and is the next update.
            long question = pulling.tweets()
                    .post(other, "a question", new long[0])
                    .tweet()
                    .id();
            pulling.tweets().post(star, "an answer", new long[0], question, 0);
            pulling.graph().follow(star, other);
            pulling.tweets().post(other, "followed by the star", new long[0]);
            Tweet after = pulling.tweets().post(star, "after", new long[0]).tweet();
            assertThat(next(stream, "update").id()).isEqualTo(after.id());
        } finally {
            pulling.streams().disconnect(stream);
        }
    }

    @Test
    void should_refuse_a_stream_past_the_nodes_limit_until_one_closes() {
        long user = accounts.signUp("sl_" + run, "Limited").user().id();
        Connection first = streams.connect(user, 0);
        Connection second = streams.connect(user, 0);
        try {
            assertThatThrownBy(() -> streams.connect(user, 0))
                    .isInstanceOfSatisfying(
                            FlockException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
            streams.disconnect(first);
            streams.disconnect(first); // twice: counted once
            Connection third = streams.connect(user, 0);
            streams.disconnect(third);
        } finally {
            streams.disconnect(second);
        }
        assertThat(streams.open()).isZero();
    }

    @Test
    void should_drop_a_stream_whose_client_falls_a_queue_behind() throws Exception {
        long author = accounts.signUp("sq_a_" + run, "Author").user().id();
        long reader = accounts.signUp("sq_r_" + run, "Reader").user().id();
        api.graph().follow(reader, author);
        Connection slow = streams.connect(reader, 0);
        try {
            for (int i = 0; i < 5; i++) {
                tweets.post(author, "too many " + i, new long[0]);
            }
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofMillis(WAIT_MILLIS))
                    .until(slow::dropped);
        } finally {
            streams.disconnect(slow);
        }
    }

    private static StreamEvent next(Connection stream, String name) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            StreamEvent event = stream.next(1_000);
            if (event != null && event.name().equals(name)) {
                return event;
            }
        }
        throw new AssertionError("no " + name + " event within " + WAIT_MILLIS + " ms");
    }

    private static String text(StreamEvent event) {
        return new String(event.data(), StandardCharsets.UTF_8);
    }
}
