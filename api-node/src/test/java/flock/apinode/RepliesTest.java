package flock.apinode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import flock.apinode.account.Accounts;
import flock.apinode.engagement.Likes;
import flock.apinode.engagement.Replies;
import flock.apinode.graph.Graph;
import flock.apinode.paging.PageRequest;
import flock.apinode.timeline.HomeFeed;
import flock.apinode.tweet.Tweets;
import flock.domain.FlockException;
import flock.domain.MapNames;
import flock.domain.timeline.Timeline;
import flock.domain.tweet.Tweet;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Replies through the API's services on an in-JVM grid with the real fan-out: the conversation a reply is in, its
 * parent's count and replies, the home rule on the fan-out and on a rebuilt feed, and a thread's ancestors.
 */
class RepliesTest {
    /** How long an asynchronous outcome may take on a busy 2-core machine before the test fails. */
    private static final Duration EVENTUALLY = Duration.ofMinutes(2);

    private final HazelcastInstance grid = TestGrid.client();
    private final ApiServices api = ApiServices.wire(grid);
    private final Accounts accounts = api.accounts();
    private final Graph graph = api.graph();
    private final Tweets tweets = api.tweets();
    private final HomeFeed homeFeed = api.homeFeed();
    private final Likes likes = api.likes();
    private final Replies replies = api.replies();
    private final String run = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000), 36);

    @Test
    void should_show_a_reply_to_someone_else_only_to_followers_of_both_also_after_a_rebuild() {
        long replier = signUp("rep_a_");
        long answered = signUp("rep_b_");
        long followsBoth = signUp("rep_c_");
        long followsReplier = signUp("rep_d_");
        graph.follow(followsBoth, replier);
        graph.follow(followsBoth, answered);
        graph.follow(followsReplier, replier);
        firstPage(followsBoth); // both feeds are cached, so the fan-out writes them
        firstPage(followsReplier);

        Tweet parent = tweets.post(answered, "a question " + run, new long[0]).tweet();
        Tweet reply =
                tweets.post(replier, "an answer", new long[0], parent.id(), 0).tweet();
        Tweet plain = tweets.post(replier, "something else", new long[0]).tweet();
        assertThat(reply.conversationId()).isEqualTo(parent.id());
        assertThat(reply.inReplyToAuthorId()).isEqualTo(answered);

        await().atMost(EVENTUALLY).untilAsserted(() -> {
            assertThat(firstPage(followsBoth)).containsExactly(plain.id(), reply.id(), parent.id());
            assertThat(firstPage(followsReplier)).containsExactly(plain.id());
            assertThat(likes.counts(parent.id()).replies()).isEqualTo(1);
        });
        assertThat(replies.repliesOf(parent.id(), Long.MAX_VALUE, 10)).containsExactly(reply.id());

        IMap<Long, Timeline> homes = grid.getMap(MapNames.HOME_TIMELINES);
        homes.delete(followsBoth); // as an idle feed's eviction or a restart leaves them: rebuilt on the next read
        homes.delete(followsReplier);
        HomeFeed otherNode = TestGrid.newApiNode().homeFeed(); // caches no head of either feed: it reads the members
        assertThat(otherNode.page(followsBoth, new PageRequest(20, Long.MAX_VALUE, 0)))
                .containsExactly(plain.id(), reply.id(), parent.id());
        assertThat(otherNode.page(followsReplier, new PageRequest(20, Long.MAX_VALUE, 0)))
                .as("rebuilt from the replier's timeline, still without the reply")
                .containsExactly(plain.id());
        assertThat(homes.get(followsReplier).toArray())
                .as("the rebuilt feed itself")
                .containsExactly(plain.id());
        assertThat(homes.get(followsBoth).toArray()).containsExactly(plain.id(), reply.id(), parent.id());
    }

    @Test
    void should_refuse_a_reply_to_a_tweet_that_does_not_exist_and_post_nothing() throws Exception {
        long replier = signUp("rep_e_");
        long before = tweets.countOf(replier).get();
        assertThatThrownBy(() -> tweets.post(replier, "to nobody", new long[0], 42L, 0))
                .isInstanceOf(FlockException.class)
                .hasMessageContaining("inReplyToId");
        assertThat(tweets.countOf(replier).get()).isEqualTo(before);
    }

    @Test
    void should_walk_a_thread_up_to_its_root_oldest_first_and_page_each_tweets_replies() {
        long author = signUp("rep_f_");
        long other = signUp("rep_g_");
        Tweet root = tweets.post(author, "a thread, 1/3", new long[0]).tweet();
        Tweet second = tweets.post(author, "2/3", new long[0], root.id(), 0).tweet();
        Tweet third = tweets.post(author, "3/3", new long[0], second.id(), 0).tweet();
        Tweet aside = tweets.post(other, "a reply to the root", new long[0], root.id(), 0)
                .tweet();

        assertThat(third.conversationId()).isEqualTo(root.id());
        assertThat(replies.ancestorsOf(third)).containsExactly(root.id(), second.id());
        assertThat(replies.ancestorsOf(root)).isEmpty();
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            assertThat(replies.repliesOf(root.id(), Long.MAX_VALUE, 10)).containsExactly(aside.id(), second.id());
            assertThat(likes.counts(root.id()).replies()).isEqualTo(2);
        });
        assertThat(replies.repliesOf(root.id(), aside.id(), 10))
                .as("below the cursor")
                .containsExactly(second.id());

        tweets.delete(author, second.id());
        await().atMost(EVENTUALLY)
                .untilAsserted(
                        () -> assertThat(likes.counts(root.id()).replies()).isEqualTo(1));
        assertThat(replies.ancestorsOf(third))
                .as("a deleted parent ends the chain: its own parent is no longer known")
                .isEmpty();
    }

    private long signUp(String prefix) {
        return accounts.signUp(prefix + run, "Replies").user().id();
    }

    private long[] firstPage(long reader) {
        return homeFeed.page(reader, new PageRequest(20, Long.MAX_VALUE, 0));
    }
}
