package flock.apinode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import flock.apinode.account.Accounts;
import flock.apinode.graph.Graph;
import flock.apinode.paging.PageRequest;
import flock.apinode.tweet.Tweets;
import flock.domain.ErrorCode;
import flock.domain.FlockException;
import flock.domain.graph.FollowList;
import flock.domain.tweet.Tweet;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Blocks through the API's services on an in-JVM grid: a block removes the follows both ways, and the blocked account
 * can no longer follow, reply to, quote, like or repost the blocker (403, nothing written); unblocking lets it again.
 */
class BlocksTest {
    private static final PageRequest FIRST_PAGE = new PageRequest(20, Long.MAX_VALUE, 0);

    private final HazelcastInstance grid = TestGrid.client();
    private final ApiServices api = ApiServices.wire(grid);
    private final Accounts accounts = api.accounts();
    private final Graph graph = api.graph();
    private final Tweets tweets = api.tweets();
    private final String run = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000), 36);

    @Test
    void should_remove_follows_both_ways_and_refuse_every_act_of_the_blocked_account() {
        long blocker = accounts.signUp("bl_a_" + run, "Blocker").user().id();
        long blocked = accounts.signUp("bl_b_" + run, "Blocked").user().id();
        graph.follow(blocker, blocked);
        graph.follow(blocked, blocker);
        Tweet tweet = tweets.post(blocker, "mine", new long[0]).tweet();

        graph.block(blocker, blocked);
        graph.block(blocker, blocked); // idempotent

        assertThat(graph.followingPage(blocker, FIRST_PAGE).userIds()).doesNotContain(blocked);
        assertThat(graph.followingPage(blocked, FIRST_PAGE).userIds()).doesNotContain(blocker);
        assertThat(graph.followersPage(blocker, FIRST_PAGE).userIds()).doesNotContain(blocked);
        assertThat(graph.blockingPage(blocker, FIRST_PAGE).userIds()).containsExactly(blocked);
        assertThat(api.blocks().blocks(blocker, blocked)).isTrue();
        assertThat(api.blocks().blocks(blocked, blocker))
                .as("a block is one way")
                .isFalse();

        assertForbidden(() -> graph.follow(blocked, blocker));
        assertForbidden(() -> tweets.post(blocked, "a reply", new long[0], tweet.id(), 0));
        assertForbidden(() -> tweets.post(blocked, "a quote", new long[0], 0, tweet.id()));
        assertForbidden(() -> api.likes().like(blocked, tweet.id()));
        assertForbidden(() -> api.reposts().repost(blocked, tweet.id()));
        assertThat(graph.followersPage(blocker, FIRST_PAGE).userIds()).isEmpty();
        assertThat(api.likes().likersOf(tweet.id(), Long.MAX_VALUE, 10).otherIds())
                .isEmpty();
        assertThat(tweets.countOf(blocked).join())
                .as("no reply, quote or repost stored")
                .isZero();
        assertThatThrownBy(() -> graph.follow(blocker, blocked))
                .as("the blocker unblocks before following")
                .isInstanceOfSatisfying(
                        FlockException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));

        graph.unblock(blocker, blocked);
        assertThat(graph.blockingPage(blocker, FIRST_PAGE).userIds()).isEmpty();
        assertThat(graph.followingPage(blocked, FIRST_PAGE).userIds())
                .as("the follows a block removed stay removed")
                .isEmpty();
        graph.follow(blocked, blocker);
        api.likes().like(blocked, tweet.id());
        assertThat(graph.followersPage(blocker, FIRST_PAGE).userIds()).containsExactly(blocked);
    }

    @Test
    void should_leave_out_of_every_page_the_tweets_of_a_blocked_account_and_those_showing_them() {
        long reader = accounts.signUp("bl_r_" + run, "Reader").user().id();
        long blocked = accounts.signUp("bl_x_" + run, "Blocked").user().id();
        long other = accounts.signUp("bl_o_" + run, "Other").user().id();
        Tweet byBlocked =
                tweets.post(blocked, "from the blocked account", new long[0]).tweet();
        Tweet repost = api.reposts().repost(other, byBlocked.id()).tweet();
        Tweet quote = tweets.post(other, "look at this", new long[0], 0, byBlocked.id())
                .tweet();
        Tweet reply =
                tweets.post(other, "an answer", new long[0], byBlocked.id(), 0).tweet();
        Tweet plain = tweets.post(other, "nothing to do with it", new long[0]).tweet();
        long[] page = {plain.id(), reply.id(), quote.id(), repost.id(), byBlocked.id()};

        assertThat(shownTo(reader, page)).as("before the block").hasSize(5);
        graph.block(reader, blocked);
        assertThat(shownTo(reader, page)).containsExactly(Long.toString(plain.id()));
        assertThat(shownTo(other, page)).as("another reader sees everything").hasSize(5);
        // A page of one whose only tweet is left out: empty, and its cursor still leads on.
        String cursor = json(api.views()
                        .tweetPage(
                                new long[] {byBlocked.id(), plain.id()},
                                1,
                                new long[] {byBlocked.id(), plain.id()},
                                api.likes().shownTo(Optional.of(reader)),
                                api.blocks().hiddenFrom(Optional.of(reader))))
                .getString("nextMaxId");
        assertThat(cursor).isEqualTo(Long.toString(byBlocked.id()));
        graph.unblock(reader, blocked);
        assertThat(shownTo(reader, page)).as("after unblocking").hasSize(5);
    }

    /** The ids a page of these tweets shows the reader, with a limit of all of them. */
    private List<String> shownTo(long reader, long[] ids) {
        byte[] page = api.views()
                .tweetPage(
                        ids,
                        ids.length,
                        ids,
                        api.likes().shownTo(Optional.of(reader)),
                        api.blocks().hiddenFrom(Optional.of(reader)));
        return json(page).getJsonArray("items").stream()
                .map(item -> item.asJsonObject().getString("id"))
                .toList();
    }

    private static JsonObject json(byte[] bytes) {
        try (var reader = Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    @Test
    void should_refuse_a_block_of_oneself_or_of_nobody() {
        long user = accounts.signUp("bl_c_" + run, "Self").user().id();
        assertThatThrownBy(() -> graph.block(user, user))
                .isInstanceOfSatisfying(
                        FlockException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
        assertThatThrownBy(() -> graph.block(user, 42L))
                .isInstanceOfSatisfying(
                        FlockException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        FollowList none = graph.blockingPage(user, FIRST_PAGE);
        assertThat(none.userIds()).as("nothing written").isEmpty();
    }

    private static void assertForbidden(ThrowingCallable act) {
        assertThatThrownBy(act).isInstanceOfSatisfying(FlockException.class, e -> assertThat(e.code())
                .isEqualTo(ErrorCode.FORBIDDEN));
    }
}
