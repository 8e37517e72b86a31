package flock.apinode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import flock.apinode.paging.PageRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Two API nodes keep the JSON of the tweets their pages showed; a tweet deleted through one of them leaves the
 * pages of both: at once on the node that deleted it, and on the other as soon as the grid's removal event arrives.
 */
class RenderedTweetsVisibilityTest {
    private static final PageRequest FIRST_PAGE = new PageRequest(20, Long.MAX_VALUE, 0);

    private final ApiServices onA = TestGrid.newApiNode();
    private final ApiServices onB = TestGrid.newApiNode();

    @Test
    void should_drop_a_deleted_tweet_from_the_pages_of_every_node_that_kept_it() {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000), 36);
        long author = onA.accounts().signUp("rt_a_" + run, "Author").user().id();
        long doomed =
                onA.tweets().post(author, "doomed " + run, new long[0]).tweet().id();
        long kept =
                onA.tweets().post(author, "kept " + run, new long[0]).tweet().id();

        assertThat(userPage(onA, author)).contains("doomed " + run, "kept " + run);
        assertThat(userPage(onB, author)).contains("doomed " + run, "kept " + run);
        assertThat(onA.rendered().get(doomed))
                .as("node A keeps the tweet's JSON")
                .isNotNull();
        assertThat(onB.rendered().get(doomed))
                .as("node B keeps the tweet's JSON")
                .isNotNull();

        onA.tweets().delete(author, doomed);

        assertThat(userPage(onA, author))
                .as("the deleting node's next page, at once")
                .doesNotContain("doomed " + run)
                .contains("kept " + run);
        await().atMost(Duration.ofSeconds(10)).until(() -> onB.rendered().get(doomed) == null);
        assertThat(onB.rendered().removed(doomed)).isTrue();
        assertThat(userPage(onB, author)).doesNotContain("doomed " + run).contains("kept " + run);
        assertThat(onB.rendered().get(kept)).as("the other tweets stay kept").isNotNull();
    }

    @Test
    void should_serve_the_same_page_from_kept_json_as_from_a_fresh_render() {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000), 36);
        long author =
                onA.accounts().signUp("rt_s_" + run, "Söme \"Author\"").user().id();
        for (int i = 0; i < 3; i++) {
            onA.tweets().post(author, "tweet " + i + " \u2028 " + run, new long[0]);
        }
        String fresh = userPage(onA, author); // renders and keeps every tweet
        assertThat(fresh).contains("tweet 2");

        assertThat(userPage(onA, author)).isEqualTo(fresh);
        onA.rendered().clear();
        assertThat(userPage(onA, author)).isEqualTo(fresh);
    }

    private static String userPage(ApiServices node, long author) {
        long[] ids = node.tweets().userTimelinePage(author, FIRST_PAGE);
        return new String(node.views().tweetPage(ids, FIRST_PAGE.limit()), StandardCharsets.UTF_8);
    }
}
