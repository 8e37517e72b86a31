package flock.testkit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small client of Flock's REST API over a real HTTP port, doing what a web client does: the integration tests drive
 * the API with it, and the demo loader of {@code ./flock up} loads its demo world with it.
 */
public final class FlockClient {
    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;

    public FlockClient(URI base) {
        this.base = base;
    }

    /** An answer: status, headers and body, with the body parsed when it is JSON. */
    public record Answer(int status, String contentType, String body) {
        public JsonObject json() {
            return JSON.createReader(new StringReader(body)).readObject();
        }

        public String string(String field) {
            return json().getString(field);
        }

        public List<String> itemIds() {
            List<String> ids = new ArrayList<>();
            for (JsonValue item : json().getJsonArray("items")) {
                ids.add(item.asJsonObject().getString("id"));
            }
            return ids;
        }

        public Optional<String> nextMaxId() {
            JsonValue next = json().get("nextMaxId");
            return next == null ? Optional.empty() : Optional.of(((JsonString) next).getString());
        }
    }

    public record Account(String id, String token) {}

    public Account signUp(String handle) {
        Answer answer =
                post("/api/v1/users", null, "{\"handle\":\"" + handle + "\",\"displayName\":\"" + handle + "\"}");
        if (answer.status() != 201) {
            throw new AssertionError("sign-up of " + handle + " answered " + answer);
        }
        return new Account(answer.string("id"), answer.string("token"));
    }

    public Answer follow(Account who, String targetId) {
        return send("PUT", "/api/v1/users/" + who.id() + "/following/" + targetId, who.token(), null);
    }

    public Answer unfollow(Account who, String targetId) {
        return send("DELETE", "/api/v1/users/" + who.id() + "/following/" + targetId, who.token(), null);
    }

    public Answer tweet(Account author, String text) {
        return post("/api/v1/tweets", author.token(), "{\"text\":" + quote(text) + "}");
    }

    /** Posts a tweet carrying the media of these ids. */
    public Answer tweetWithMedia(Account author, String text, String... mediaIds) {
        String ids = String.join(
                ",", java.util.Arrays.stream(mediaIds).map(FlockClient::quote).toList());
        return post("/api/v1/tweets", author.token(), "{\"text\":" + quote(text) + ",\"mediaIds\":[" + ids + "]}");
    }

    /** Posts and answers the new tweet's id, failing the test on anything but 201. */
    public String tweetId(Account author, String text) {
        Answer answer = tweet(author, text);
        if (answer.status() != 201) {
            throw new AssertionError("tweet answered " + answer);
        }
        return answer.string("id");
    }

    /** Posts a reply to {@code parentId} and answers its id; an assertion error unless it was posted. */
    public String replyId(Account author, String parentId, String text) {
        return postedId(author, text, "inReplyToId", parentId);
    }

    /** Posts a quote of {@code quotedId} and answers its id; an assertion error unless it was posted. */
    public String quoteId(Account author, String quotedId, String text) {
        return postedId(author, text, "quoteOfId", quotedId);
    }

    private String postedId(Account author, String text, String field, String tweetId) {
        Answer answer = post(
                "/api/v1/tweets",
                author.token(),
                "{\"text\":" + quote(text) + ",\"" + field + "\":\"" + tweetId + "\"}");
        if (answer.status() != 201) {
            throw new AssertionError("post answered " + answer);
        }
        return answer.string("id");
    }

    public Answer home(Account reader, String query) {
        return get("/api/v1/users/" + reader.id() + "/timeline" + query, reader.token());
    }

    /** Every item id of a paged list, from the newest page to the last one (following nextMaxId). */
    public List<String> allIds(String path, String token) {
        List<String> ids = new ArrayList<>();
        String cursor = "";
        while (true) {
            Answer page = get(path + "?limit=100" + cursor, token);
            if (page.status() != 200) {
                throw new AssertionError(path + " answered " + page);
            }
            ids.addAll(page.itemIds());
            Optional<String> next = page.nextMaxId();
            if (next.isEmpty()) {
                return ids;
            }
            cursor = "&maxId=" + next.get();
        }
    }

    /** One of a tweet's counts ({@code likes}, {@code reposts}, {@code replies}, {@code quotes}), read without a token. */
    public int count(String tweetId, String kind) {
        return get("/api/v1/tweets/" + tweetId, null)
                .json()
                .getJsonObject("counts")
                .getInt(kind);
    }

    public Answer get(String path, String token) {
        return send("GET", path, token, null);
    }

    public Answer post(String path, String token, String body) {
        return send("POST", path, token, body);
    }

    /**
     * A post a client may retry: the same {@code Idempotency-Key} on every attempt, so that an attempt refused after it
     * took effect (a 503 while a member died) does not post twice.
     */
    public Answer postOnce(String path, String token, String body, String idempotencyKey) {
        return send("POST", path, token, body, idempotencyKey);
    }

    public Answer delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    public Answer send(String method, String path, String token, String body) {
        return send(method, path, token, body, null);
    }

    private Answer send(String method, String path, String token, String body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
