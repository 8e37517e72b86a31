package flock.apinode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import flock.apinode.render.ShownEngagement;
import flock.domain.tweet.Tweet;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

/**
 * The reader's lists a home page asks for before it reads the feed (likes, reposts, blocks, mutes): on an API node that
 * has never seen the reader they say what the reader did on another node, and a list fetched that way is kept fresh by
 * the grid's invalidations like one read by a plain get.
 */
class ReaderPrefetchTest {
    /** How long an invalidation may take to reach the other node on a busy 2-core machine before the test fails. */
    private static final Duration EVENTUALLY = Duration.ofMinutes(1);

    private final ApiServices nodeA = ApiServices.wire(TestGrid.client());
    private final HazelcastInstance otherClient = TestGrid.newApiNodeClient();
    private final ApiServices nodeB = ApiServices.wire(otherClient);
    private final String run = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000), 36);

    @Test
    void should_show_what_the_reader_did_on_another_node_to_a_node_that_never_saw_the_reader() {
        long reader = nodeA.accounts().signUp("pf_r_" + run, "Reader").user().id();
        long blocked = nodeA.accounts().signUp("pf_b_" + run, "Blocked").user().id();
        long muted = nodeA.accounts().signUp("pf_m_" + run, "Muted").user().id();
        long other = nodeA.accounts().signUp("pf_o_" + run, "Other").user().id();
        Tweet liked = nodeA.tweets().post(other, "liked", new long[0]).tweet();
        Tweet reposted = nodeA.tweets().post(other, "reposted", new long[0]).tweet();
        nodeA.likes().like(reader, liked.id());
        nodeA.reposts().repost(reader, reposted.id());
        nodeA.graph().block(reader, blocked);
        nodeA.mutes().mute(reader, muted, Optional.empty());
        long[] ids = {liked.id(), reposted.id()};

        ShownEngagement shown = nodeB.likes().prefetchShownTo(reader).of(ids, ids.length);
        LongPredicate hidden = nodeB.visibility().prefetchInHome(reader).get();

        assertThat(shown.likedByReader()).containsExactly(true, false);
        assertThat(shown.repostedByReader()).containsExactly(false, true);
        assertThat(hidden).isNotNull();
        assertThat(hidden.test(blocked)).as("blocked").isTrue();
        assertThat(hidden.test(muted)).as("muted").isTrue();
        assertThat(hidden.test(other)).as("neither").isFalse();
    }

    @Test
    void should_see_a_later_like_and_block_through_a_list_it_fetched_before() {
        long reader = nodeA.accounts().signUp("pf_l_" + run, "Later").user().id();
        long author = nodeA.accounts().signUp("pf_a_" + run, "Author").user().id();
        Tweet tweet = nodeA.tweets().post(author, "later", new long[0]).tweet();
        long[] ids = {tweet.id()};
        assertThat(nodeB.likes().prefetchShownTo(reader).of(ids, 1).likedByReader())
                .as("before the like, fetched into node B's near cache")
                .containsExactly(false);
        assertThat(nodeB.visibility().prefetchInHome(reader).get())
                .as("a reader who hides nobody: pages skip the check")
                .isNull();

        nodeA.likes().like(reader, tweet.id());
        nodeA.graph().block(reader, author);

        await().atMost(EVENTUALLY).untilAsserted(() -> {
            assertThat(nodeB.likes().prefetchShownTo(reader).of(ids, 1).likedByReader())
                    .containsExactly(true);
            LongPredicate hidden = nodeB.visibility().prefetchInHome(reader).get();
            assertThat(hidden).isNotNull();
            assertThat(hidden.test(author)).isTrue();
        });
    }
}
