package flock.apinode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.nearcache.NearCacheStats;
import flock.apinode.paging.PageRequest;
import flock.apinode.tweet.Tweets;
import flock.domain.MapNames;
import flock.domain.tweet.Tweet;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * An author's profile page is read from the API node's near cache of author timelines: the node that posts or deletes
 * shows it on its next read, another node within the invalidation's milliseconds, and a page read again while nothing
 * changed costs no call to the grid.
 */
class ProfilePagesTest {
    /** Invalidations arrive in milliseconds; batched ones could take 10 s, which this bound would catch. */
    private static final Duration BOUND = Duration.ofSeconds(3);

    private static final PageRequest FIRST_PAGE = new PageRequest(20, Long.MAX_VALUE, 0);

    private final ApiServices nodeA = TestGrid.newApiNode();
    private final HazelcastInstance clientB = TestGrid.newApiNodeClient();
    private final ApiServices nodeB = ApiServices.wire(clientB);
    private final String run = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000), 36);

    @Test
    void should_show_a_post_and_a_delete_at_once_on_the_node_that_made_them_and_soon_on_another() {
        long author = nodeA.accounts().signUp("pp_a_" + run, "Author").user().id();
        Tweets onA = nodeA.tweets();
        Tweets onB = nodeB.tweets();
        Tweet first = onA.post(author, "first", new long[0]).tweet();
        assertThat(onA.userTimelinePage(author, FIRST_PAGE)).containsExactly(first.id());
        assertThat(onB.userTimelinePage(author, FIRST_PAGE)).containsExactly(first.id());

        Tweet second = onA.post(author, "second", new long[0]).tweet();
        assertThat(onA.userTimelinePage(author, FIRST_PAGE))
                .as("the posting node's own cached timeline was dropped by its post")
                .containsExactly(second.id(), first.id());
        await().atMost(BOUND).untilAsserted(() -> assertThat(onB.userTimelinePage(author, FIRST_PAGE))
                .containsExactly(second.id(), first.id()));

        onA.delete(author, first.id());
        assertThat(onA.userTimelinePage(author, FIRST_PAGE)).containsExactly(second.id());
        await().atMost(BOUND).untilAsserted(() -> assertThat(onB.userTimelinePage(author, FIRST_PAGE))
                .containsExactly(second.id()));
    }

    @Test
    void should_answer_a_profile_page_read_again_without_asking_the_grid() {
        long author = nodeA.accounts().signUp("pp_b_" + run, "Author").user().id();
        Tweet tweet = nodeA.tweets().post(author, "cached", new long[0]).tweet();
        Tweets onB = nodeB.tweets();
        await().atMost(BOUND).untilAsserted(() -> {
            long hits = timelineCache(clientB).getHits();
            assertThat(onB.userTimelinePage(author, FIRST_PAGE)).containsExactly(tweet.id());
            assertThat(timelineCache(clientB).getHits())
                    .as("the second read of an unchanged profile is a near-cache hit")
                    .isEqualTo(hits + 1);
        });
    }

    @Test
    void should_page_below_a_cursor_and_say_when_a_profile_has_no_tweets() {
        long author = nodeA.accounts().signUp("pp_c_" + run, "Author").user().id();
        assertThat(nodeB.tweets().userTimelinePage(author, FIRST_PAGE)).isEmpty();
        long[] posted = new long[5];
        for (int i = 0; i < posted.length; i++) {
            posted[i] = nodeA.tweets()
                    .post(author, "tweet " + i, new long[0])
                    .tweet()
                    .id();
        }
        await().atMost(BOUND).untilAsserted(() -> assertThat(
                        nodeB.tweets().userTimelinePage(author, new PageRequest(2, posted[3], 0)))
                .as("one more than the limit, below the cursor, newest first")
                .containsExactly(posted[2], posted[1], posted[0]));
        assertThat(nodeB.tweets().userTimelinePage(author, new PageRequest(20, Long.MAX_VALUE, posted[2])))
                .containsExactly(posted[4], posted[3]);
    }

    private static NearCacheStats timelineCache(HazelcastInstance client) {
        return client.getMap(MapNames.USER_TIMELINES).getLocalMapStats().getNearCacheStats();
    }
}
