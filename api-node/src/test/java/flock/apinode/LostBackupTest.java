package flock.apinode;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.test.TestHazelcastFactory;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IndeterminateOperationStateException;
import com.hazelcast.spi.impl.SpiDataSerializerHook;
import com.hazelcast.test.PacketFiltersUtil;
import flock.apinode.grid.GridClient;
import flock.domain.MapNames;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A write whose primary copy answered but whose backup never arrived is not acknowledged. Had the primary's member died
 * right after answering, the promoted backup would not hold the write; the client cannot tell, so the request is
 * refused (503, Retry-After) rather than answered 204, and the client's retry, idempotent, settles it. A grid of two
 * members of its own, whose backups are dropped on the wire while the test wants them lost.
 */
@RoutingTest
class LostBackupTest {
    private static final TestHazelcastFactory FACTORY = new TestHazelcastFactory();
    private static HazelcastInstance first;
    private static HazelcastInstance second;

    private final DirectClient client;

    LostBackupTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void route(HttpRouting.Builder routing) {
        first = FACTORY.newHazelcastInstance(TestGrid.memberConfig());
        second = FACTORY.newHazelcastInstance(TestGrid.memberConfig());
        ClientConfig config = GridClient.config(io.helidon.config.Config.empty());
        // The API node's own setting but for how long a missing backup is waited for: a second here, not five.
        config.setProperty("hazelcast.client.operation.backup.timeout.millis", "1000");
        Main.routing(routing, FACTORY.newHazelcastClient(config), ApiSettings.DEFAULTS.withLimits(TestGrid.NO_LIMITS));
        routing.get("/test/wrapped-grid-fault", (request, response) -> {
            throw new CompletionException(new IndeterminateOperationStateException("backup acks missed"));
        });
    }

    @AfterAll
    static void stop() {
        FACTORY.terminateAll();
    }

    @Test
    void should_refuse_a_like_whose_backup_was_lost_and_take_its_retry() {
        String author = account("lost_a").token();
        String liker = account("lost_l").token();
        String tweet = json(send("POST", "/api/v1/tweets", author, "{\"text\":\"back me up\"}"), 201)
                .getString("id");

        dropBackups();
        Answer refused = send("PUT", "/api/v1/tweets/" + tweet + "/like", liker, null);
        keepBackups();

        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.retryAfter()).isEqualTo("2");
        assertThat(refused.contentType()).startsWith("application/problem+json");
        Answer retried = send("PUT", "/api/v1/tweets/" + tweet + "/like", liker, null);
        assertThat(retried.status()).as(retried.body()).isEqualTo(204);
        JsonObject seen = json(send("GET", "/api/v1/tweets/" + tweet, liker, null), 200);
        assertThat(seen.getJsonObject("viewer").getBoolean("liked")).isTrue();
        assertThat(seen.getJsonObject("counts").getInt("likes")).isEqualTo(1);
    }

    @Test
    void should_refuse_a_follow_whose_backups_were_lost_leaving_no_lock_held_and_take_its_retry() {
        Account follower = account("lost_f");
        Account followee = account("lost_g");

        dropBackups();
        Answer refused =
                send("PUT", "/api/v1/users/" + follower.id() + "/following/" + followee.id(), follower.token(), null);
        keepBackups();

        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(first.getMap(MapNames.FOLLOWING).isLocked(Long.parseLong(follower.id())))
                .as("the follower's lock, taken by attempts whose backups were lost")
                .isFalse();
        Answer retried =
                send("PUT", "/api/v1/users/" + follower.id() + "/following/" + followee.id(), follower.token(), null);
        assertThat(retried.status()).as(retried.body()).isEqualTo(204);
        JsonObject profile = json(send("GET", "/api/v1/users/" + followee.id(), null, null, null), 200);
        assertThat(profile.getInt("followers")).isEqualTo(1);
    }

    @Test
    void should_refuse_a_repost_whose_backups_were_lost_and_make_it_once_on_its_retry() {
        Account author = account("lost_o");
        Account reposter = account("lost_r");
        String tweet = json(send("POST", "/api/v1/tweets", author.token(), "{\"text\":\"pass it on\"}"), 201)
                .getString("id");

        dropBackups();
        Answer refused = send("PUT", "/api/v1/tweets/" + tweet + "/repost", reposter.token(), null);
        keepBackups();
        Answer retried = send("PUT", "/api/v1/tweets/" + tweet + "/repost", reposter.token(), null);
        Answer again = send("PUT", "/api/v1/tweets/" + tweet + "/repost", reposter.token(), null);

        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        String repost =
                Json.createReader(new StringReader(retried.body())).readObject().getString("id");
        assertThat(retried.status()).as(retried.body()).isBetween(200, 201);
        assertThat(Json.createReader(new StringReader(again.body()))
                        .readObject()
                        .getString("id"))
                .as("the same repost")
                .isEqualTo(repost);
        JsonObject page = json(send("GET", "/api/v1/users/" + reposter.id() + "/tweets", null, null, null), 200);
        assertThat(page.getJsonArray("items").stream()
                        .map(item -> item.asJsonObject().getString("id"))
                        .toList())
                .containsExactly(repost);
    }

    @Test
    void should_post_once_when_a_refused_post_is_retried_with_its_idempotency_key() {
        Account author = account("lost_p");
        String body = "{\"text\":\"once, whatever happens\"}";

        dropBackups();
        Answer refused = send("POST", "/api/v1/tweets", author.token(), body, "post-1");
        keepBackups();
        Answer retried = send("POST", "/api/v1/tweets", author.token(), body, "post-1");
        Answer again = send("POST", "/api/v1/tweets", author.token(), body, "post-1");
        Answer other = send("POST", "/api/v1/tweets", author.token(), body, "post-2");

        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        String id = json(retried, 201).getString("id");
        assertThat(json(again, 201).getString("id"))
                .as("the same key, the same tweet")
                .isEqualTo(id);
        String second = json(other, 201).getString("id");
        assertThat(second).as("another key, another tweet").isNotEqualTo(id);
        JsonObject page = json(send("GET", "/api/v1/users/" + author.id() + "/tweets", null, null, null), 200);
        assertThat(page.getJsonArray("items").stream()
                        .map(item -> item.asJsonObject().getString("id"))
                        .toList())
                .containsExactly(second, id);
        JsonObject profile = json(send("GET", "/api/v1/users/" + author.id(), null, null, null), 200);
        assertThat(profile.getInt("tweets")).isEqualTo(2);
    }

    @Test
    void should_refuse_a_malformed_idempotency_key_and_post_nothing() {
        Account author = account("lost_k");
        Answer spaced = send("POST", "/api/v1/tweets", author.token(), "{\"text\":\"x\"}", "two words");
        Answer long_ = send("POST", "/api/v1/tweets", author.token(), "{\"text\":\"x\"}", "k".repeat(129));

        assertThat(spaced.status()).as(spaced.body()).isEqualTo(400);
        assertThat(spaced.body()).contains("Idempotency-Key");
        assertThat(long_.status()).as(long_.body()).isEqualTo(400);
        JsonObject profile = json(send("GET", "/api/v1/users/" + author.id(), null, null, null), 200);
        assertThat(profile.getInt("tweets")).isZero();
    }

    @Test
    void should_answer_a_grid_fault_met_in_a_future_with_503() {
        Answer answer = send("GET", "/test/wrapped-grid-fault", null, null);

        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.retryAfter()).isEqualTo("2");
        assertThat(answer.body()).contains("UNAVAILABLE");
    }

    private static void dropBackups() {
        for (HazelcastInstance member : List.of(first, second)) {
            PacketFiltersUtil.dropOperationsFrom(
                    member, SpiDataSerializerHook.F_ID, List.of(SpiDataSerializerHook.BACKUP));
        }
    }

    private static void keepBackups() {
        PacketFiltersUtil.resetPacketFiltersFrom(first);
        PacketFiltersUtil.resetPacketFiltersFrom(second);
    }

    private record Answer(int status, String contentType, String retryAfter, String body) {}

    private record Account(String id, String token) {}

    private Account account(String prefix) {
        String handle = prefix + ProcessHandle.current().pid() % 10_000;
        JsonObject made = json(
                send(
                        "POST",
                        "/api/v1/users",
                        null,
                        "{\"handle\":\"" + handle + "\",\"displayName\":\"" + handle + "\"}",
                        null),
                201);
        return new Account(made.getString("id"), made.getString("token"));
    }

    private static JsonObject json(Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        return Json.createReader(new StringReader(answer.body())).readObject();
    }

    private Answer send(String method, String path, String token, String body) {
        return send(method, path, token, body, null);
    }

    private Answer send(String method, String path, String token, String body, String idempotencyKey) {
        var request = client.method(io.helidon.http.Method.create(method)).path(path);
        if (idempotencyKey != null) {
            request.header(HeaderNames.create("Idempotency-Key"), idempotencyKey);
        }
        if (token != null) {
            request.header(HeaderNames.AUTHORIZATION, "Bearer " + token);
        }
        try (HttpClientResponse response = body == null
                ? request.request()
                : request.header(HeaderNames.CONTENT_TYPE, "application/json")
                        .submit(body.getBytes(StandardCharsets.UTF_8))) {
            return new Answer(
                    response.status().code(),
                    response.headers().first(HeaderNames.CONTENT_TYPE).orElse(""),
                    response.headers().first(HeaderNames.RETRY_AFTER).orElse(""),
                    response.entity().hasEntity() ? response.as(String.class) : "");
        }
    }
}
