package flock.apinode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import flock.apinode.account.Accounts;
import flock.apinode.engagement.Likes;
import flock.apinode.engagement.Reposts;
import flock.apinode.render.Views;
import flock.apinode.tweet.Tweets;
import flock.domain.FlockException;
import flock.domain.tweet.Tweet;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Reposts through the API's services on an in-JVM grid with the real fan-out: one repost per account and tweet, shown
 * with its original and counted, the reader's "reposted", and the original's deletion taking its reposts off every
 * page at once.
 */
class RepostsTest {
    /** How long an asynchronous outcome may take on a busy 2-core machine before the test fails. */
    private static final Duration EVENTUALLY = Duration.ofMinutes(2);

    private final HazelcastInstance grid = TestGrid.client();
    private final ApiServices api = ApiServices.wire(grid);
    private final Accounts accounts = api.accounts();
    private final Tweets tweets = api.tweets();
    private final Likes likes = api.likes();
    private final Reposts reposts = api.reposts();
    private final Views views = api.views();
    private final String run = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000), 36);

    @Test
    void should_answer_one_repost_per_account_shown_with_its_original_and_counted() throws Exception {
        long author = accounts.signUp("rp_a_" + run, "Author").user().id();
        long reposter = accounts.signUp("rp_b_" + run, "Reposter").user().id();
        Tweet original = tweets.post(author, "worth sharing", new long[0]).tweet();

        Tweet repost = reposts.repost(reposter, original.id()).tweet();
        assertThat(repost.repostOfId()).isEqualTo(original.id());
        assertThat(reposts.repost(reposter, original.id()).tweet().id())
                .as("a second repost answers the first")
                .isEqualTo(repost.id());
        assertThat(reposts.repost(reposter, repost.id()).tweet().id())
                .as("reposting the repost reposts the original")
                .isEqualTo(repost.id());
        assertThat(tweets.countOf(reposter).get()).isEqualTo(1);

        JsonObject shown = json(views.one(repost.id(), likes.shownTo(Optional.of(reposter))));
        assertThat(shown.getString("repostOfId")).isEqualTo(Long.toString(original.id()));
        assertThat(shown.getJsonObject("repostOf").getString("text")).isEqualTo("worth sharing");
        assertThat(shown.getJsonObject("repostOf").getJsonObject("viewer").getBoolean("reposted"))
                .isTrue();
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            JsonObject seen = json(views.one(original.id(), likes.shownTo(Optional.of(author))));
            assertThat(seen.getJsonObject("counts").getInt("reposts")).isEqualTo(1);
            assertThat(seen.getJsonObject("viewer").getBoolean("reposted")).isFalse();
        });

        reposts.unrepost(reposter, original.id());
        reposts.unrepost(reposter, original.id()); // idempotent
        assertThat(tweets.find(repost.id())).isEmpty();
        assertThat(tweets.countOf(reposter).get()).isZero();
        await().atMost(EVENTUALLY)
                .untilAsserted(
                        () -> assertThat(likes.counts(original.id()).reposts()).isZero());
        assertThat(reposts.repost(reposter, original.id()).tweet().id())
                .as("a repost after taking one back is a new one")
                .isNotEqualTo(repost.id());
        assertThatThrownBy(() -> reposts.repost(reposter, 42L)).isInstanceOf(FlockException.class);
    }

    @Test
    void should_drop_a_repost_from_every_page_at_once_when_its_original_is_deleted() throws Exception {
        long author = accounts.signUp("rp_c_" + run, "Author").user().id();
        long reposter = accounts.signUp("rp_d_" + run, "Reposter").user().id();
        Tweet original = tweets.post(author, "soon deleted", new long[0]).tweet();
        Tweet repost = reposts.repost(reposter, original.id()).tweet();
        Tweet other = tweets.post(reposter, "something of my own", new long[0]).tweet();
        long[] page = {other.id(), repost.id()};
        assertThat(json(views.tweetPage(page, 20, page, likes.shownTo(Optional.empty())))
                        .getJsonArray("items"))
                .hasSize(2);

        tweets.delete(author, original.id());
        assertThat(json(views.tweetPage(page, 20, page, likes.shownTo(Optional.empty())))
                        .getJsonArray("items"))
                .as("the repost of a deleted tweet leaves the page at once")
                .hasSize(1);
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            assertThat(tweets.find(repost.id())).as("and is deleted after it").isEmpty();
            assertThat(tweets.countOf(reposter).get()).isEqualTo(1);
        });
    }

    /** A feed rebuilt from the followed accounts' timelines keeps the repost rules the fan-out keeps. */
    @Test
    void should_show_a_tweet_reposted_by_two_accounts_followed_once_in_a_rebuilt_feed() {
        long author = accounts.signUp("rp_e_" + run, "Author").user().id();
        long first = accounts.signUp("rp_f_" + run, "First").user().id();
        long second = accounts.signUp("rp_g_" + run, "Second").user().id();
        long reader = accounts.signUp("rp_h_" + run, "Reader").user().id();
        api.graph().follow(reader, first);
        api.graph().follow(reader, second);
        Tweet original = tweets.post(author, "reposted twice", new long[0]).tweet();
        Tweet firstRepost = reposts.repost(first, original.id()).tweet();
        reposts.repost(second, original.id());

        flock.apinode.timeline.HomeFeed otherNode = TestGrid.newApiNode().homeFeed(); // no head cached: it rebuilds
        grid.getMap(flock.domain.MapNames.HOME_TIMELINES).delete(reader);
        assertThat(otherNode.page(reader, new flock.apinode.paging.PageRequest(20, Long.MAX_VALUE, 0)))
                .as("the first repost only")
                .containsExactly(firstRepost.id());
    }

    private static JsonObject json(byte[] body) {
        return Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))
                .readObject();
    }
}
