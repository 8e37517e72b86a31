package flock.apinode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import flock.apinode.account.Accounts;
import flock.apinode.paging.PageRequest;
import flock.apinode.safety.Mutes;
import flock.apinode.safety.Visibility;
import flock.apinode.tweet.Tweets;
import flock.domain.ErrorCode;
import flock.domain.FlockException;
import flock.domain.tweet.Tweet;
import jakarta.json.Json;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

/**
 * Mutes through the API's services on an in-JVM grid: a muted account leaves its user's home pages (its tweets, and
 * others' reposts of them) but not the profile pages the user reads, and the muted account can still act on the user.
 */
class MutesTest {
    private static final PageRequest FIRST_PAGE = new PageRequest(20, Long.MAX_VALUE, 0);

    private final HazelcastInstance grid = TestGrid.client();
    private final ApiServices api = ApiServices.wire(grid);
    private final Accounts accounts = api.accounts();
    private final Tweets tweets = api.tweets();
    private final Mutes mutes = api.mutes();
    private final Visibility visibility = api.visibility();
    private final String run = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000), 36);

    @Test
    void should_hide_a_muted_account_from_home_pages_only_until_unmuted() {
        long reader = accounts.signUp("mu_r_" + run, "Reader").user().id();
        long muted = accounts.signUp("mu_m_" + run, "Muted").user().id();
        long other = accounts.signUp("mu_o_" + run, "Other").user().id();
        Tweet byMuted = tweets.post(muted, "loud", new long[0]).tweet();
        Tweet repost = api.reposts().repost(other, byMuted.id()).tweet();
        Tweet plain = tweets.post(other, "quiet", new long[0]).tweet();
        long[] page = {plain.id(), repost.id(), byMuted.id()};

        mutes.mute(reader, muted, Optional.of(Duration.ofHours(1)));
        mutes.mute(reader, muted, Optional.empty()); // muting again: for good now

        assertThat(shown(page, visibility.inHome(reader))).containsExactly(Long.toString(plain.id()));
        assertThat(shown(page, visibility.everywhere(Optional.of(reader))))
                .as("other pages show the muted account")
                .hasSize(3);
        assertThat(mutes.page(reader, FIRST_PAGE).otherIds()).containsExactly(muted);
        api.likes().like(muted, plain.id()); // the muted account notices nothing, and may still act
        api.graph().follow(muted, reader);

        mutes.unmute(reader, muted);
        mutes.unmute(reader, muted); // idempotent
        assertThat(visibility.inHome(reader))
                .as("nothing hidden: pages skip the check")
                .isNull();
        assertThat(mutes.page(reader, FIRST_PAGE).otherIds()).isEmpty();
    }

    @Test
    void should_refuse_a_mute_of_oneself_or_of_a_duration_out_of_range() {
        long user = accounts.signUp("mu_s_" + run, "Self").user().id();
        long other = accounts.signUp("mu_t_" + run, "Target").user().id();
        for (Runnable refused : List.<Runnable>of(
                () -> mutes.mute(user, user, Optional.empty()),
                () -> mutes.mute(user, other, Optional.of(Duration.ZERO)),
                () -> mutes.mute(user, other, Optional.of(Mutes.LONGEST.plusSeconds(1))))) {
            assertThatThrownBy(refused::run).isInstanceOfSatisfying(FlockException.class, e -> assertThat(e.code())
                    .isEqualTo(ErrorCode.INVALID_INPUT));
        }
        assertThat(mutes.page(user, FIRST_PAGE).otherIds())
                .as("nothing written")
                .isEmpty();
    }

    private List<String> shown(long[] ids, LongPredicate hidden) {
        byte[] page = api.views().tweetPage(ids, ids.length, ids, api.likes().shownTo(Optional.empty()), hidden);
        try (var reader = Json.createReader(new StringReader(new String(page, StandardCharsets.UTF_8)))) {
            return reader.readObject().getJsonArray("items").stream()
                    .map(item -> item.asJsonObject().getString("id"))
                    .toList();
        }
    }
}
