package flock.apinode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.ClientResponseTyped;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webserver.http.HttpRouting;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The REST contract of docs/api.md, checked once without a socket ({@link ApiRoutingTest}) and once on
 * a real port ({@link ApiServerTest}), against an in-JVM grid.
 */
abstract class ApiContractTest {
    /** How long an asynchronous outcome may take on a busy 2-core machine before the test fails. */
    private static final Duration EVENTUALLY = Duration.ofMinutes(2);

    private static final AtomicInteger HANDLES = new AtomicInteger();

    private final Http1Client client;

    ApiContractTest(Http1Client client) {
        this.client = client;
    }

    static void routing(HttpRouting.Builder routing) {
        Main.routing(routing, TestGrid.client(), ApiSettings.DEFAULTS.withLimits(TestGrid.NO_LIMITS));
    }

    record Answer(int status, String contentType, String body) {
        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }
    }

    record Account(String id, String token) {}

    @Test
    void should_sign_up_with_a_string_id_and_a_token_shown_once() {
        String handle = freshHandle();
        Answer answer = post("/api/v1/users", null, "{\"handle\":\"" + handle + "\",\"displayName\":\"Ann\"}");
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().getString("id")).matches("[0-9]+");
        assertThat(answer.json().getString("token")).startsWith(answer.json().getString("id") + ".");
        Answer profile = get("/api/v1/users/" + answer.json().getString("id"), null);
        assertThat(profile.json().containsKey("token")).isFalse();
        assertThat(profile.json().getInt("followers")).isZero();
    }

    @Test
    void should_serve_the_web_client_at_the_root_and_answer_304_when_it_is_unchanged() {
        try (HttpClientResponse page = client.get("/").request()) {
            assertThat(page.status().code()).isEqualTo(200);
            assertThat(page.headers().contentType().orElseThrow().text()).startsWith("text/html");
            String etag = page.headers().get(HeaderNames.ETAG).get();
            assertThat(page.as(String.class)).contains("<title>Flock</title>").contains("/app.js");
            try (HttpClientResponse again =
                    client.get("/").header(HeaderNames.IF_NONE_MATCH, etag).request()) {
                assertThat(again.status().code()).isEqualTo(304);
            }
        }
        Answer script = get("/app.js", null);
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).startsWith("text/javascript");
        assertThat(get("/app.css", null).contentType()).startsWith("text/css");
    }

    @Test
    void should_refuse_a_taken_handle_ignoring_case() {
        String handle = freshHandle();
        signUp(handle);
        Answer answer =
                post("/api/v1/users", null, "{\"handle\":\"" + handle.toUpperCase() + "\",\"displayName\":\"B\"}");
        assertProblem(answer, 409, "handle");
    }

    @Test
    void should_refuse_bad_bodies_with_a_problem_naming_the_field() {
        assertProblem(post("/api/v1/users", null, "[1,2]"), 400, "body");
        assertProblem(post("/api/v1/users", null, "{\"handle\":\"ok_name\"}"), 400, "displayName");
        assertProblem(post("/api/v1/users", null, "{\"handle\":\"a-b\",\"displayName\":\"x\"}"), 400, "handle");
        assertProblem(post("/api/v1/users", null, "{\"handle\":true,\"displayName\":\"x\"}"), 400, "handle");
        Account account = signUp(freshHandle());
        assertProblem(post("/api/v1/tweets", account.token(), "{\"text\":\"a\",\"mediaIds\":[1]}"), 400, "mediaIds[0]");
        assertProblem(post("/api/v1/tweets", account.token(), "{\"text\":\"nul \\u0000 here\"}"), 400, "U+0000");
        assertThat(get("/api/v1/users/" + account.id(), null).json().getInt("tweets"))
                .isZero();
    }

    @Test
    void should_refuse_a_body_that_is_not_utf8_and_change_nothing() {
        Account account = signUp(freshHandle());
        byte[][] broken = {
            {(byte) 0xC3, 0x28}, // a two-byte sequence whose second byte is not a continuation
            {(byte) 0x80}, // a continuation byte alone
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a UTF-16 surrogate encoded as UTF-8
            {(byte) 0xF0, (byte) 0x9F, (byte) 0x98} // a four-byte sequence cut short
        };
        for (byte[] bytes : broken) {
            assertProblem(
                    post("/api/v1/tweets", account.token(), jsonWith("{\"text\":\"bad ", bytes, "\"}")),
                    400,
                    "body: not valid UTF-8");
        }
        assertThat(get("/api/v1/users/" + account.id(), null).json().getInt("tweets"))
                .as("no tweet stored")
                .isZero();
        String handle = freshHandle();
        byte[] signUp = jsonWith("{\"handle\":\"" + handle + "\",\"displayName\":\"", broken[0], "\"}");
        assertProblem(post("/api/v1/users", null, signUp), 400, "UTF-8");
        assertThat(get("/api/v1/users/by-handle/" + handle, null).status())
                .as("the handle was not taken")
                .isEqualTo(404);
    }

    private static byte[] jsonWith(String before, byte[] middle, String after) {
        byte[] head = before.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = after.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] all = java.util.Arrays.copyOf(head, head.length + middle.length + tail.length);
        System.arraycopy(middle, 0, all, head.length, middle.length);
        System.arraycopy(tail, 0, all, head.length + middle.length, tail.length);
        return all;
    }

    @Test
    void should_refuse_a_body_that_is_not_json_with_415() {
        Http1ClientRequest request = client.post("/api/v1/users").contentType(MediaTypes.TEXT_PLAIN);
        ClientResponseTyped<String> response = request.submit("handle=x", String.class);
        assertThat(response.status().code()).isEqualTo(415);
    }

    @Test
    void should_answer_401_without_a_valid_token_and_403_for_someone_elses() {
        Account alice = signUp(freshHandle());
        Account bob = signUp(freshHandle());
        assertProblem(post("/api/v1/tweets", null, "{\"text\":\"hi\"}"), 401, "token");
        assertProblem(post("/api/v1/tweets", alice.id() + ".AAAA", "{\"text\":\"hi\"}"), 401, "token");
        assertProblem(put("/api/v1/users/" + alice.id() + "/following/" + bob.id(), bob.token()), 403, alice.id());
        assertProblem(get("/api/v1/users/" + alice.id() + "/timeline", bob.token()), 403, alice.id());
    }

    @Test
    void should_refuse_every_write_and_private_read_with_someone_elses_token_and_change_nothing() {
        Account alice = signUp(freshHandle());
        Account bob = signUp(freshHandle());
        Account carol = signUp(freshHandle());
        assertThat(put("/api/v1/users/" + alice.id() + "/following/" + carol.id(), alice.token())
                        .status())
                .isEqualTo(204);
        String tweetId = post("/api/v1/tweets", alice.token(), "{\"text\":\"mine\"}")
                .json()
                .getString("id");

        String users = "/api/v1/users/" + alice.id();
        assertProblem(put(users + "/following/" + bob.id(), bob.token()), 403, alice.id());
        assertProblem(delete(users + "/following/" + carol.id(), bob.token()), 403, alice.id());
        assertProblem(get(users + "/timeline", bob.token()), 403, alice.id());
        assertProblem(post(users + "/token", bob.token(), ""), 403, alice.id());
        assertProblem(delete("/api/v1/tweets/" + tweetId, bob.token()), 403, tweetId);

        JsonObject profile = get(users, null).json();
        assertThat(profile.getInt("following"))
                .as("still follows carol, and only her")
                .isEqualTo(1);
        assertThat(profile.getInt("tweets")).isEqualTo(1);
        assertThat(get("/api/v1/tweets/" + tweetId, null).status()).isEqualTo(200);
        assertThat(post("/api/v1/tweets", alice.token(), "{\"text\":\"still mine\"}")
                        .status())
                .as("alice's token still works")
                .isEqualTo(201);
    }

    @Test
    void should_give_every_tweet_its_mentions_hashtags_and_links_with_code_point_offsets() {
        Account alice = signUp(freshHandle());
        Account bob = signUp(freshHandle());
        String bobHandle = get("/api/v1/users/" + bob.id(), null).json().getString("handle");
        String text = "🐦 @" + bobHandle.toUpperCase(java.util.Locale.ROOT)
                + " and @nobody_here_x: #Flock https://flock.example/a.";
        Answer posted = post("/api/v1/tweets", alice.token(), "{\"text\":\"" + text + "\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        String id = posted.json().getString("id");

        JsonObject entities = get("/api/v1/tweets/" + id, null).json().getJsonObject("entities");
        JsonObject mention = entities.getJsonArray("mentions").getJsonObject(0);
        assertThat(entities.getJsonArray("mentions"))
                .as("a handle nobody has stays text")
                .hasSize(1);
        assertThat(mention.getString("id")).isEqualTo(bob.id());
        assertThat(mention.getInt("start"))
                .as("after one emoji and a space, in code points")
                .isEqualTo(2);
        assertThat(mention.getInt("end")).isEqualTo(3 + bobHandle.length());
        JsonObject tag = entities.getJsonArray("hashtags").getJsonObject(0);
        assertThat(tag.getString("tag")).isEqualTo("Flock");
        assertThat(text.codePoints().skip(tag.getInt("start")).limit(tag.getInt("end") - tag.getInt("start")))
                .containsExactlyElementsOf("#Flock".codePoints().boxed().toList());
        assertThat(entities.getJsonArray("urls").getJsonObject(0).getString("url"))
                .isEqualTo("https://flock.example/a");
        assertThat(posted.json().getJsonObject("entities"))
                .as("the answer to the post too")
                .isEqualTo(entities);
    }

    @Test
    void should_tell_a_user_alone_whom_it_follows_blocks_and_mutes() {
        Account alice = signUp(freshHandle());
        Account bob = signUp(freshHandle());
        Account carol = signUp(freshHandle());
        String users = "/api/v1/users/" + alice.id();
        assertThat(put(users + "/following/" + bob.id(), alice.token()).status())
                .isEqualTo(204);
        assertThat(put("/api/v1/users/" + bob.id() + "/following/" + alice.id(), bob.token())
                        .status())
                .isEqualTo(204);
        assertThat(put(users + "/muting/" + bob.id(), alice.token(), "{\"durationSeconds\": 3600}")
                        .status())
                .isEqualTo(204);
        assertProblem(
                put(users + "/muting/" + carol.id(), alice.token(), "{\"durationSeconds\": 0}"),
                400,
                "durationSeconds");
        assertProblem(
                put(users + "/muting/" + carol.id(), alice.token(), "{\"durationSeconds\": \"1h\"}"),
                400,
                "durationSeconds");
        assertProblem(put(users + "/muting/" + alice.id(), alice.token()), 400, "themselves");
        assertThat(put(users + "/blocking/" + carol.id(), alice.token()).status())
                .isEqualTo(204);

        JsonObject relationships = get(users + "/relationships?ids=" + bob.id() + "," + carol.id(), alice.token())
                .json();
        JsonObject withBob = relationships.getJsonArray("items").getJsonObject(0);
        JsonObject withCarol = relationships.getJsonArray("items").getJsonObject(1);
        assertThat(withBob.getString("id")).isEqualTo(bob.id());
        assertThat(withBob.getBoolean("following")).isTrue();
        assertThat(withBob.getBoolean("followedBy")).isTrue();
        assertThat(withBob.getBoolean("blocking")).isFalse();
        assertThat(withBob.getBoolean("muting")).isTrue();
        assertThat(withCarol.getBoolean("blocking")).isTrue();
        assertThat(withCarol.getBoolean("muting"))
                .as("the refused mutes changed nothing")
                .isFalse();
        assertThat(withCarol.getBoolean("following")).isFalse();
        assertThat(get(users + "/muting", alice.token())
                        .json()
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getString("id"))
                .isEqualTo(bob.id());
        for (String privateList : List.of("/muting", "/blocking", "/relationships?ids=" + bob.id())) {
            assertProblem(get(users + privateList, bob.token()), 403, alice.id());
        }
        assertProblem(get(users + "/relationships?ids=", alice.token()), 400, "ids");
        assertProblem(get(users + "/relationships?ids=x1", alice.token()), 400, "ids");

        assertThat(delete(users + "/muting/" + bob.id(), alice.token()).status())
                .isEqualTo(204);
        assertThat(get(users + "/relationships?ids=" + bob.id(), alice.token())
                        .json()
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getBoolean("muting"))
                .isFalse();
    }

    @Test
    void should_serve_notifications_their_unread_count_and_marker_to_their_owner_only() {
        Account alice = signUp(freshHandle());
        Account bob = signUp(freshHandle());
        String aliceHandle = get("/api/v1/users/" + alice.id(), null).json().getString("handle");
        Answer mention = post("/api/v1/tweets", bob.token(), "{\"text\":\"hi @" + aliceHandle + "\"}");
        String mentionId = mention.json().getString("id");

        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(get("/api/v1/notifications/unread", alice.token())
                                .json()
                                .getInt("count"))
                        .isEqualTo(1));
        JsonObject page =
                get("/api/v1/notifications?types=mention", alice.token()).json();
        JsonObject item = page.getJsonArray("items").getJsonObject(0);
        assertThat(item.getString("id")).isEqualTo(mentionId);
        assertThat(item.getString("type")).isEqualTo("mention");
        assertThat(item.getInt("count")).isEqualTo(1);
        assertThat(item.getJsonArray("accounts").getJsonObject(0).getString("id"))
                .isEqualTo(bob.id());
        assertThat(item.getJsonObject("tweet").getString("id")).isEqualTo(mentionId);
        assertThat(item.getString("latestAt")).endsWith("Z");
        assertThat(get("/api/v1/notifications?types=like", alice.token()).json().getJsonArray("items"))
                .isEmpty();

        assertProblem(get("/api/v1/notifications?types=poke", alice.token()), 400, "types");
        assertProblem(post("/api/v1/notifications/read", alice.token(), "{}"), 400, "upToId");
        assertProblem(post("/api/v1/notifications/read", alice.token(), "{\"upToId\":\"x\"}"), 400, "upToId");
        assertThat(get("/api/v1/notifications", null).status()).isEqualTo(401);
        assertThat(get("/api/v1/notifications/unread", alice.token()).json().getInt("count"))
                .as("the refused calls moved nothing")
                .isEqualTo(1);
        JsonObject read = post("/api/v1/notifications/read", alice.token(), "{\"upToId\":\"" + mentionId + "\"}")
                .json();
        assertThat(read.getString("readUpTo")).isEqualTo(mentionId);
        assertThat(read.getInt("unread")).isZero();
        assertThat(get("/api/v1/notifications", bob.token()).json().getJsonArray("items"))
                .as("bob's own, not alice's")
                .isEmpty();
    }

    @Test
    void should_rotate_a_token_so_that_the_old_one_stops_working_at_once() {
        Account alice = signUp(freshHandle());

        Answer rotated = post("/api/v1/users/" + alice.id() + "/token", alice.token(), "");

        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String fresh = rotated.json().getString("token");
        assertThat(fresh).startsWith(alice.id() + ".").isNotEqualTo(alice.token());
        assertThat(rotated.json().getString("id")).isEqualTo(alice.id());
        assertProblem(post("/api/v1/tweets", alice.token(), "{\"text\":\"old\"}"), 401, "token");
        assertProblem(post("/api/v1/users/" + alice.id() + "/token", alice.token(), ""), 401, "token");
        assertThat(post("/api/v1/tweets", fresh, "{\"text\":\"new\"}").status()).isEqualTo(201);
        assertThat(get("/api/v1/users/" + alice.id(), null).json().getInt("tweets"))
                .as("only the post with the new token counted")
                .isEqualTo(1);
    }

    @Test
    void should_deliver_a_tweet_to_a_follower_and_count_it() {
        Account alice = signUp(freshHandle());
        Account bob = signUp(freshHandle());
        assertThat(put("/api/v1/users/" + bob.id() + "/following/" + alice.id(), bob.token())
                        .status())
                .isEqualTo(204);
        assertThat(put("/api/v1/users/" + bob.id() + "/following/" + alice.id(), bob.token())
                        .status())
                .as("follow is idempotent")
                .isEqualTo(204);
        assertThat(get("/api/v1/users/" + bob.id() + "/timeline", bob.token()).status())
                .isEqualTo(200);
        Answer posted = post("/api/v1/tweets", alice.token(), "{\"text\":\"e\\u0301t\\u00e9 🐦\"}");
        assertThat(posted.status()).isEqualTo(201);
        assertThat(posted.json().getString("text")).isEqualTo("\u00e9t\u00e9 🐦");
        String tweetId = posted.json().getString("id");
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(get("/api/v1/users/" + bob.id() + "/timeline", bob.token())
                                .body())
                        .contains(tweetId));
        JsonObject profile = get("/api/v1/users/" + alice.id(), null).json();
        assertThat(profile.getInt("followers")).isEqualTo(1);
        assertThat(profile.getInt("tweets")).isEqualTo(1);
        assertThat(delete("/api/v1/users/" + bob.id() + "/following/" + alice.id(), bob.token())
                        .status())
                .isEqualTo(204);
        assertThat(get("/api/v1/users/" + alice.id(), null).json().getInt("followers"))
                .isZero();
    }

    @Test
    void should_answer_a_reply_with_its_conversation_and_count_it_in_its_parents_context() {
        Account alice = signUp(freshHandle());
        Account bob = signUp(freshHandle());
        String root = post("/api/v1/tweets", alice.token(), "{\"text\":\"a question\"}")
                .json()
                .getString("id");
        assertProblem(
                post("/api/v1/tweets", bob.token(), "{\"text\":\"to nobody\",\"inReplyToId\":\"42\"}"),
                404,
                "inReplyToId");
        assertProblem(
                post("/api/v1/tweets", bob.token(), "{\"text\":\"bad id\",\"inReplyToId\":42}"), 400, "inReplyToId");
        assertThat(get("/api/v1/users/" + bob.id(), null).json().getInt("tweets"))
                .as("the refused replies posted nothing")
                .isZero();

        Answer reply = post("/api/v1/tweets", bob.token(), "{\"text\":\"an answer\",\"inReplyToId\":\"" + root + "\"}");
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().getString("conversationId")).isEqualTo(root);
        assertThat(reply.json().getJsonObject("inReplyTo").getString("tweetId")).isEqualTo(root);
        assertThat(reply.json().getJsonObject("inReplyTo").getString("authorId"))
                .isEqualTo(alice.id());
        String replyId = reply.json().getString("id");

        await().atMost(EVENTUALLY).untilAsserted(() -> {
            JsonObject context =
                    get("/api/v1/tweets/" + root + "/context", bob.token()).json();
            assertThat(context.getJsonArray("ancestors")).isEmpty();
            assertThat(context.getJsonArray("descendants").getJsonObject(0).getString("id"))
                    .isEqualTo(replyId);
            JsonObject parent = get("/api/v1/tweets/" + root, null).json();
            assertThat(parent.getJsonObject("counts").getInt("replies")).isEqualTo(1);
            assertThat(parent.getString("conversationId")).isEqualTo(root);
            assertThat(parent.containsKey("inReplyTo")).isFalse();
        });
        JsonObject context = get("/api/v1/tweets/" + replyId + "/context", null).json();
        assertThat(context.getJsonArray("ancestors").getJsonObject(0).getString("id"))
                .isEqualTo(root);
        assertThat(context.getJsonArray("descendants")).isEmpty();
        assertThat(get("/api/v1/tweets/" + root + "/replies?limit=1", null)
                        .json()
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getString("id"))
                .isEqualTo(replyId);
        assertProblem(get("/api/v1/tweets/42/context", null), 404, "42");

        Answer quote = post("/api/v1/tweets", alice.token(), "{\"text\":\"quoted\",\"quoteOfId\":\"" + replyId + "\"}");
        assertThat(quote.status()).isEqualTo(201);
        assertThat(quote.json().getJsonObject("quoteOf").getString("id")).isEqualTo(replyId);
        assertThat(quote.json().getJsonObject("counts").getInt("quotes")).isZero();
        assertProblem(
                post(
                        "/api/v1/tweets",
                        alice.token(),
                        "{\"text\":\"both\",\"quoteOfId\":\"" + root + "\",\"inReplyToId\":\"" + root + "\"}"),
                400,
                "not both");

        Answer repost = put("/api/v1/tweets/" + root + "/repost", bob.token());
        assertThat(repost.status()).isEqualTo(200);
        assertThat(repost.json().getJsonObject("repostOf").getString("id")).isEqualTo(root);
        assertThat(put("/api/v1/tweets/" + root + "/repost", bob.token()).json().getString("id"))
                .as("the same repost again")
                .isEqualTo(repost.json().getString("id"));
        assertThat(delete("/api/v1/tweets/" + root + "/repost", bob.token()).status())
                .isEqualTo(204);
        assertThat(get("/api/v1/tweets/" + repost.json().getString("id"), null).status())
                .isEqualTo(404);
        assertProblem(put("/api/v1/tweets/42/repost", bob.token()), 404, "42");
    }

    @Test
    void should_validate_paging_parameters() {
        Account alice = signUp(freshHandle());
        assertProblem(get("/api/v1/users/" + alice.id() + "/tweets?limit=0", null), 400, "limit");
        assertProblem(get("/api/v1/users/" + alice.id() + "/tweets?limit=101", null), 400, "limit");
        assertProblem(get("/api/v1/users/" + alice.id() + "/tweets?maxId=abc", null), 400, "maxId");
        assertThat(get("/api/v1/users/" + alice.id() + "/tweets?limit=100", null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void should_answer_unknown_things_with_404_problems() {
        assertProblem(get("/api/v1/users/42", null), 404, "42");
        assertProblem(get("/api/v1/tweets/42", null), 404, "42");
        assertProblem(get("/api/v1/users/by-handle/nobody_here", null), 404, "nobody_here");
        // Handles named like a user's feeds: the handle lookup, not the feed of a user "by-handle" (a 400 for its id).
        assertProblem(get("/api/v1/users/by-handle/timeline", null), 404, "timeline");
        assertProblem(get("/api/v1/users/by-handle/tweets", null), 404, "tweets");
        assertProblem(get("/api/v1/nothing", null), 404, "/api/v1/nothing");
    }

    private static String freshHandle() {
        return "u" + ProcessHandle.current().pid() % 1000 + "_" + HANDLES.incrementAndGet();
    }

    private Account signUp(String handle) {
        Answer answer =
                post("/api/v1/users", null, "{\"handle\":\"" + handle + "\",\"displayName\":\"" + handle + "\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return new Account(answer.json().getString("id"), answer.json().getString("token"));
    }

    private static void assertProblem(Answer answer, int status, String detailMentions) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().getInt("status")).isEqualTo(status);
        assertThat(answer.json().getString("detail")).contains(detailMentions);
    }

    private Answer get(String path, String token) {
        return answer(request(client.get(), path, token).request());
    }

    private Answer put(String path, String token) {
        return answer(request(client.put(), path, token).request());
    }

    private Answer put(String path, String token, String body) {
        return answer(request(client.put(), path, token)
                .contentType(MediaTypes.APPLICATION_JSON)
                .submit(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private Answer delete(String path, String token) {
        return answer(request(client.delete(), path, token).request());
    }

    private Answer post(String path, String token, String body) {
        return post(path, token, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private Answer post(String path, String token, byte[] body) {
        return answer(request(client.post(), path, token)
                .contentType(MediaTypes.APPLICATION_JSON)
                .submit(body));
    }

    /** Sets path, query parameters (the client would encode a '?' inside the path) and the token. */
    private static Http1ClientRequest request(Http1ClientRequest request, String pathAndQuery, String token) {
        int question = pathAndQuery.indexOf('?');
        request.path(question < 0 ? pathAndQuery : pathAndQuery.substring(0, question));
        if (question >= 0) {
            for (String pair : pathAndQuery.substring(question + 1).split("&")) {
                int equals = pair.indexOf('=');
                request.queryParam(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return token == null ? request : request.header(HeaderNames.AUTHORIZATION, "Bearer " + token);
    }

    private static Answer answer(HttpClientResponse response) {
        try (response) {
            String body = response.entity().hasEntity() ? response.as(String.class) : "";
            return new Answer(
                    response.status().code(),
                    response.headers().first(HeaderNames.CONTENT_TYPE).orElse(""),
                    body);
        }
    }
}
