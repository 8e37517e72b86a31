package flock.apinode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import flock.apinode.limits.LimitSettings;
import io.helidon.common.SerializationConfig;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import io.helidon.webserver.WebServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The rate limits on two API nodes (two servers, each with its own grid client, as two processes would have) over
 * one in-JVM grid: small limits, so that a test reaches them in a few requests.
 */
class RateLimitTest {
    /** How long an asynchronous outcome may take on a busy 2-core machine before the test fails. */
    private static final Duration EVENTUALLY = Duration.ofMinutes(2);

    static {
        // As in HostileInputTest: a hand-started server must not install Helidon's JVM-wide deserialization filter.
        SerializationConfig.builder()
                .onNoConfig(SerializationConfig.Action.IGNORE)
                .build()
                .configure();
    }

    /**
     * 5 requests an hour per account, 3 anonymous requests an hour per address, 2 uploads an hour per account; the sync
     * is fast for the test.
     */
    private static final LimitSettings LIMITS = new LimitSettings(
            new LimitSettings.Limit(5, Duration.ofHours(1)),
            new LimitSettings.Limit(3, Duration.ofHours(1)),
            new LimitSettings.Limit(2, Duration.ofHours(1)),
            Duration.ofMillis(50),
            Optional.of("X-Forwarded-For"));

    private static final HazelcastInstance GRID = TestGrid.client();
    private static final WebServer NODE_A = server(GRID);
    private static final WebServer NODE_B = server(TestGrid.newApiNodeClient());
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Answer(int status, HttpResponse<String> response) {
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        JsonObject json() {
            return Json.createReader(new StringReader(response.body())).readObject();
        }
    }

    @AfterAll
    static void stop() {
        NODE_A.stop();
        NODE_B.stop();
    }

    @Test
    void should_refuse_an_account_past_its_limit_with_429_and_change_nothing() {
        double refusedBefore = count("flock.ratelimit.refused", "bucket", "account");
        long postsBefore = timed("/api/v1/tweets", "POST", "2xx");
        String address = freshAddress();
        String[] user = signUp(NODE_A, address);
        for (int i = 0; i < 5; i++) {
            Answer posted = post(NODE_A, "/api/v1/tweets", user[1], address, "{\"text\":\"tweet " + i + "\"}");
            assertThat(posted.status()).as("post %d of 5", i + 1).isEqualTo(201);
            assertThat(posted.header("X-RateLimit-Limit")).isEqualTo("5");
            assertThat(posted.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(4 - i));
        }

        Answer refused = post(NODE_A, "/api/v1/tweets", user[1], address, "{\"text\":\"one too many\"}");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().getString("code")).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(refused.json().getString("detail")).contains("account").contains("5 per 3600 s");
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        // A token comes back every 12 minutes (5 an hour).
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(600L, 720L);
        assertThat(Instant.ofEpochSecond(Long.parseLong(refused.header("X-RateLimit-Reset"))))
                .as("the bucket is full again in an hour")
                .isAfter(Instant.now().plus(Duration.ofMinutes(55)));
        assertThat(profileTweets(user[0]))
                .as("the refused post changed nothing")
                .isEqualTo(5);
        assertThat(count("flock.ratelimit.refused", "bucket", "account")).isEqualTo(refusedBefore + 1);
        // The timer records once the answer is sent, so a request of an earlier test may still land: at least.
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(timed("/api/v1/tweets", "POST", "2xx"))
                .isGreaterThanOrEqualTo(postsBefore + 5));
    }

    private static double count(String name, String tag, String value) {
        return Metrics.globalRegistry()
                .counter(name, List.of(Tag.create(tag, value)))
                .map(Counter::count)
                .orElse(0L);
    }

    /** Requests the route's timer recorded (both test nodes share the JVM's registry). */
    private static long timed(String route, String method, String status) {
        return Metrics.globalRegistry()
                .timer(
                        "flock.http.requests",
                        List.of(Tag.create("route", route), Tag.create("method", method), Tag.create("status", status)))
                .map(Timer::count)
                .orElse(0L);
    }

    @Test
    void should_share_an_account_limit_between_api_nodes() {
        String address = freshAddress();
        String[] user = signUp(NODE_A, address);
        for (int i = 0; i < 3; i++) {
            assertThat(timeline(NODE_A, user).status()).isEqualTo(200);
        }
        // Node A reports its three to the grid within a sync; node B's first request reads the bucket there.
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(TestGrid.tokensInGrid("u:" + user[0], LIMITS.account()))
                        .isLessThan(2.1));

        assertThat(timeline(NODE_B, user).status()).isEqualTo(200);
        assertThat(timeline(NODE_B, user).status()).isEqualTo(200);
        assertThat(timeline(NODE_B, user).status())
                .as("the sixth request, on node B")
                .isEqualTo(429);

        // Node A admits at most what arrives before its next sync tells it what node B spent; then it refuses too.
        int admittedOnA = 0;
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (timeline(NODE_A, user).status() == 200 && System.nanoTime() < until) {
            admittedOnA++;
        }
        assertThat(timeline(NODE_A, user).status()).as("node A, once it synced").isEqualTo(429);
        assertThat(admittedOnA).as("requests node A admitted before it learned").isLessThan(5);
    }

    @Test
    void should_limit_requests_without_a_token_per_client_address() {
        String address = freshAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(get(NODE_A, "/api/v1/users/by-handle/nobody", null, address)
                            .status())
                    .isEqualTo(404);
        }
        String client = address.substring(0, address.indexOf(','));
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(TestGrid.tokensInGrid("a:" + client, LIMITS.address()))
                        .isLessThan(0.1));
        String handle = "limited" + ThreadLocalRandom.current().nextInt(1_000_000);

        Answer refused = post(
                NODE_B, "/api/v1/users", null, address, "{\"handle\":\"" + handle + "\",\"displayName\":\"Limited\"}");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().getString("detail")).contains("address");
        assertThat(get(NODE_A, "/api/v1/users/by-handle/" + handle, null, freshAddress())
                        .status())
                .as("the refused sign-up created no user")
                .isEqualTo(404);
        assertThat(get(NODE_B, "/api/v1/users/by-handle/nobody", null, freshAddress())
                        .status())
                .as("another address has its own bucket")
                .isEqualTo(404);
    }

    @Test
    void should_count_a_forged_token_against_the_address_not_the_account_it_names() {
        String address = freshAddress();
        String[] victim = signUp(NODE_A, address);
        String attacker = freshAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(post(NODE_A, "/api/v1/tweets", victim[0] + ".forged", attacker, "{\"text\":\"x\"}")
                            .status())
                    .isEqualTo(401);
        }
        assertThat(post(NODE_A, "/api/v1/tweets", victim[0] + ".forged", attacker, "{\"text\":\"x\"}")
                        .status())
                .as("the attacker's address ran out")
                .isEqualTo(429);

        Answer own = post(NODE_A, "/api/v1/tweets", victim[1], address, "{\"text\":\"still mine\"}");

        assertThat(own.status()).isEqualTo(201);
        assertThat(own.header("X-RateLimit-Remaining"))
                .as("the victim's bucket is untouched")
                .isEqualTo("4");
    }

    @Test
    void should_limit_an_accounts_uploads_apart_from_its_other_requests() {
        String address = freshAddress();
        String[] user = signUp(NODE_A, address);
        for (int i = 0; i < 2; i++) {
            Answer upload = upload(NODE_A, user[1], address);
            // Whether the test's object store answers (201) or not (503), the upload passed the limiter.
            assertThat(upload.status()).as("upload %d of 2", i + 1).isNotEqualTo(429);
            assertThat(upload.header("X-RateLimit-Limit"))
                    .as("status %d: %s", upload.status(), upload.response().body())
                    .isEqualTo("2");
        }

        Answer refused = upload(NODE_A, user[1], address);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().getString("detail")).contains("uploads").contains("2 per 3600 s");
        // A token comes back every 30 minutes (2 an hour).
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1_500L, 1_800L);
        assertThat(timeline(NODE_A, user).status())
                .as("other requests of the account still pass")
                .isEqualTo(200);
    }

    private static Answer upload(WebServer node, String token, String address) {
        return send(request(node, "/api/v1/media", token, address)
                .header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0})));
    }

    private static WebServer server(HazelcastInstance client) {
        return WebServer.builder()
                .port(0)
                .host("127.0.0.1")
                .routing(routing -> Main.routing(routing, client, ApiSettings.DEFAULTS.withLimits(LIMITS)))
                .build()
                .start();
    }

    /** A documentation address (RFC 5737) of its own per call: each test starts with full address buckets. */
    private static String freshAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "203.0." + random.nextInt(256) + "." + random.nextInt(256) + ", 10.0.0." + random.nextInt(256);
    }

    private static String[] signUp(WebServer node, String address) {
        String handle = "rl" + ThreadLocalRandom.current().nextLong(1_000_000_000_000L);
        JsonObject body = post(
                        node, "/api/v1/users", null, address, "{\"handle\":\"" + handle + "\",\"displayName\":\"R\"}")
                .json();
        return new String[] {body.getString("id"), body.getString("token")};
    }

    private static int profileTweets(String id) {
        return get(NODE_B, "/api/v1/users/" + id, null, freshAddress()).json().getInt("tweets");
    }

    private static Answer timeline(WebServer node, String[] user) {
        return get(node, "/api/v1/users/" + user[0] + "/timeline", user[1], freshAddress());
    }

    private static Answer get(WebServer node, String path, String token, String address) {
        return send(request(node, path, token, address).GET());
    }

    private static Answer post(WebServer node, String path, String token, String address, String json) {
        return send(request(node, path, token, address)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpRequest.Builder request(WebServer node, String path, String token, String address) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path))
                .header("X-Forwarded-For", address);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
