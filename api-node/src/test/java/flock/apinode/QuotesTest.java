package flock.apinode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import flock.apinode.account.Accounts;
import flock.apinode.engagement.Likes;
import flock.apinode.render.Views;
import flock.apinode.tweet.Tweets;
import flock.domain.ErrorCode;
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
 * Quotes through the API's services on an in-JVM grid with the real fan-out: a quote shows the tweet it quotes, with
 * that tweet's own counts and the reader's state, and null once it is deleted; the quoted tweet counts its quotes.
 */
class QuotesTest {
    /** How long an asynchronous outcome may take on a busy 2-core machine before the test fails. */
    private static final Duration EVENTUALLY = Duration.ofMinutes(2);

    private final HazelcastInstance grid = TestGrid.client();
    private final ApiServices api = ApiServices.wire(grid);
    private final Accounts accounts = api.accounts();
    private final Tweets tweets = api.tweets();
    private final Likes likes = api.likes();
    private final Views views = api.views();
    private final String run = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000), 36);

    @Test
    void should_show_the_quoted_tweet_in_the_quote_until_it_is_deleted_and_count_the_quotes() {
        long author = accounts.signUp("quo_a_" + run, "Quoted").user().id();
        long quoter = accounts.signUp("quo_b_" + run, "Quoter").user().id();
        Tweet original = tweets.post(author, "an original thought", new long[0]).tweet();
        likes.like(quoter, original.id());
        Tweet quote =
                tweets.post(quoter, "so true", new long[0], 0, original.id()).tweet();

        JsonObject shown = json(views.one(quote.id(), likes.shownTo(Optional.of(quoter))));
        assertThat(shown.getString("quoteOfId")).isEqualTo(Long.toString(original.id()));
        JsonObject quoted = shown.getJsonObject("quoteOf");
        assertThat(quoted.getString("text")).isEqualTo("an original thought");
        assertThat(quoted.getJsonObject("counts").getInt("likes")).isEqualTo(1);
        assertThat(quoted.getJsonObject("viewer").getBoolean("liked")).isTrue();
        await().atMost(EVENTUALLY)
                .untilAsserted(
                        () -> assertThat(likes.counts(original.id()).quotes()).isEqualTo(1));
        JsonObject page = json(views.tweetPage(
                new long[] {quote.id(), original.id()},
                20,
                new long[] {quote.id(), original.id()},
                likes.shownTo(Optional.empty())));
        assertThat(page.getJsonArray("items")
                        .getJsonObject(0)
                        .getJsonObject("quoteOf")
                        .containsKey("viewer"))
                .as("no reader, no viewer state, inside the quote either")
                .isFalse();

        tweets.delete(author, original.id());
        assertThat(json(views.one(quote.id(), likes.shownTo(Optional.of(quoter))))
                        .isNull("quoteOf"))
                .as("a deleted original shows as null at once")
                .isTrue();
        tweets.delete(quoter, quote.id());
        await().atMost(EVENTUALLY)
                .untilAsserted(
                        () -> assertThat(likes.counts(original.id()).quotes()).isZero());
    }

    @Test
    void should_refuse_a_quote_of_nothing_and_a_tweet_that_both_replies_and_quotes() {
        long author = accounts.signUp("quo_c_" + run, "Quoter").user().id();
        Tweet original = tweets.post(author, "a tweet", new long[0]).tweet();
        assertThatThrownBy(() -> tweets.post(author, "of nothing", new long[0], 0, 42L))
                .isInstanceOfSatisfying(
                        FlockException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessageContaining("quoteOfId");
        assertThatThrownBy(() -> tweets.post(author, "both", new long[0], original.id(), original.id()))
                .isInstanceOfSatisfying(
                        FlockException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
    }

    private static JsonObject json(byte[] body) {
        return Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))
                .readObject();
    }
}
