package flock.apinode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import flock.apinode.account.Accounts;
import flock.apinode.paging.PageRequest;
import flock.apinode.tweet.Tweets;
import flock.domain.notification.NotificationKind;
import flock.domain.tweet.Tweet;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Notifications through the API's services on an in-JVM grid with the notify job: every kind, as a page shows it
 * (grouped, counted, the reader's blocks and mutes left out, deleted tweets gone), the kinds filter and the marker.
 */
class NotificationsTest {
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final PageRequest FIRST_PAGE = new PageRequest(20, Long.MAX_VALUE, 0);

    private final HazelcastInstance grid = TestGrid.client();
    private final ApiServices api = ApiServices.wire(grid);
    private final Accounts accounts = api.accounts();
    private final Tweets tweets = api.tweets();
    private final String run = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000), 36);

    @Test
    void should_show_every_kind_grouped_counted_and_filtered() {
        long alice = signUp("no_a");
        long bob = signUp("no_b");
        long carol = signUp("no_c");
        long dave = signUp("no_d");
        Tweet hello = tweets.post(alice, "hello", new long[0]).tweet();
        tweets.post(bob, "@" + handle("no_a") + " look", new long[0]);
        tweets.post(bob, "hi", new long[0], hello.id(), 0);
        tweets.post(carol, "this", new long[0], 0, hello.id());
        api.reposts().repost(dave, hello.id());
        for (long liker : new long[] {bob, carol, dave, alice}) {
            api.likes().like(liker, hello.id());
        }
        api.graph().follow(bob, alice);
        api.graph().follow(carol, alice);

        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(types(page(alice)))
                .containsExactlyInAnyOrder("mention", "reply", "quote", "repost", "like", "follow"));
        JsonArray items = page(alice).getJsonArray("items");
        JsonObject likes = ofType(items, "like");
        assertThat(likes.getInt("count"))
                .as("the author's own like is not counted")
                .isEqualTo(3);
        assertThat(likes.getJsonArray("accounts")).hasSize(3);
        assertThat(likes.getJsonObject("tweet").getString("id")).isEqualTo(Long.toString(hello.id()));
        assertThat(ofType(items, "follow").getInt("count")).isEqualTo(2);
        assertThat(ofType(items, "follow").containsKey("tweet")).isFalse();
        assertThat(ofType(items, "repost")
                        .getJsonArray("accounts")
                        .getJsonObject(0)
                        .getString("id"))
                .isEqualTo(Long.toString(dave));
        assertThat(types(render(
                        alice,
                        new PageRequest(20, Long.MAX_VALUE, 0),
                        NotificationKind.LIKE.bit() | NotificationKind.FOLLOW.bit())))
                .containsExactlyInAnyOrder("like", "follow");

        api.graph().block(alice, carol);
        api.mutes().mute(alice, dave, Optional.empty());
        JsonArray filtered = page(alice).getJsonArray("items");
        assertThat(types(filtered)).as("carol's quote and dave's repost hidden").doesNotContain("quote", "repost");
        assertThat(accountIds(ofType(filtered, "like"))).containsExactly(Long.toString(bob));
        assertThat(ofType(filtered, "like").getInt("count"))
                .as("the count is the tweet's")
                .isEqualTo(3);
    }

    @Test
    void should_move_the_read_marker_up_only_and_forget_a_deleted_tweet() {
        long alice = signUp("nr_a");
        long bob = signUp("nr_b");
        Tweet first =
                tweets.post(bob, "@" + handle("nr_a") + " one", new long[0]).tweet();
        Tweet second =
                tweets.post(bob, "@" + handle("nr_a") + " two", new long[0]).tweet();
        await().atMost(EVENTUALLY)
                .untilAsserted(
                        () -> assertThat(api.notifications().unread(alice)).isEqualTo(2));

        assertThat(api.notifications().markRead(alice, first.id())).isEqualTo(first.id());
        assertThat(api.notifications().markRead(alice, 1)).as("never backwards").isEqualTo(first.id());
        assertThat(api.notifications().unread(alice)).isEqualTo(1);
        assertThat(api.notifications().markRead(alice, Long.MAX_VALUE))
                .as("never past the newest")
                .isEqualTo(second.id());
        assertThat(api.notifications().unread(alice)).isZero();

        tweets.delete(bob, second.id());
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(page(alice).getJsonArray("items"))
                .hasSize(1));
    }

    private long signUp(String prefix) {
        return accounts.signUp(handle(prefix), prefix).user().id();
    }

    private String handle(String prefix) {
        return prefix + "_" + run;
    }

    private JsonObject page(long userId) {
        return render(userId, FIRST_PAGE, NotificationKind.ALL_KINDS);
    }

    private JsonObject render(long userId, PageRequest page, int kinds) {
        byte[] json = api.notificationPages()
                .render(
                        api.notifications().page(userId, page, kinds),
                        page.limit(),
                        api.likes().shownTo(Optional.of(userId)),
                        api.visibility().inNotifications(userId));
        return Json.createReader(new StringReader(new String(json, StandardCharsets.UTF_8)))
                .readObject();
    }

    private static List<String> types(JsonObject page) {
        return types(page.getJsonArray("items"));
    }

    private static List<String> types(JsonArray items) {
        return items.stream().map(item -> item.asJsonObject().getString("type")).toList();
    }

    private static JsonObject ofType(JsonArray items, String type) {
        return items.stream()
                .map(item -> item.asJsonObject())
                .filter(item -> item.getString("type").equals(type))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> accountIds(JsonObject item) {
        return item.getJsonArray("accounts").stream()
                .map(account -> account.asJsonObject().getString("id"))
                .toList();
    }
}
