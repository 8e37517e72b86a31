package flock.benchmarks.server;

import flock.apinode.render.TweetPages;
import flock.domain.account.User;
import flock.domain.tweet.Tweet;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A design Flock is measured against, behind the same HTTP server: the three calls of the benchmark's
 * workloads (a home page, a user's own tweets, a post), answered with the same JSON as Flock's, so that
 * only where the data comes from differs. No authentication: the baselines get that work for free.
 */
abstract class Baseline implements HttpService {
    private static final int DEFAULT_LIMIT = 20;

    private final AtomicLong lastId = new AtomicLong();

    /** The newest ids of a user's home feed, one more than {@code limit} if more exist. */
    abstract long[] homeIds(long userId, int limit);

    /** The newest ids of a user's own tweets, one more than {@code limit} if more exist. */
    abstract long[] userIds(long userId, int limit);

    abstract Map<Long, Tweet> tweets(long[] ids, int limit);

    abstract Map<Long, User> users(Iterable<Tweet> tweets);

    /** Stores a tweet and starts its fan-out (if the design has one); answers its id. */
    abstract long post(long authorId, String text);

    @Override
    public void routing(HttpRules rules) {
        rules.get("/users/{id}/timeline", (request, response) -> page(request, response, true))
                .get("/users/{id}/tweets", (request, response) -> page(request, response, false))
                .post("/users/{id}/tweets", this::post);
    }

    private void page(ServerRequest request, ServerResponse response, boolean home) {
        long userId = Long.parseLong(request.path().pathParameters().get("id"));
        int limit = request.query().first("limit").map(Integer::parseInt).orElse(DEFAULT_LIMIT);
        long[] ids = home ? homeIds(userId, limit) : userIds(userId, limit);
        Map<Long, Tweet> found = tweets(ids, limit);
        send(response, 200, TweetPages.render(ids, limit, found, users(found.values())));
    }

    private void post(ServerRequest request, ServerResponse response) {
        long authorId = Long.parseLong(request.path().pathParameters().get("id"));
        String body = new String(request.content().as(byte[].class), StandardCharsets.UTF_8);
        long id = post(authorId, textOf(body));
        send(response, 201, ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** The text of a {"text": "..."} body; the workload writes plain words, so no unescaping is needed. */
    static String textOf(String body) {
        int key = body.indexOf("\"text\"");
        int start = body.indexOf('"', body.indexOf(':', key) + 1) + 1;
        return body.substring(start, body.indexOf('"', start));
    }

    static void send(ServerResponse response, int status, byte[] body) {
        response.status(status)
                .header(HeaderNames.CONTENT_TYPE, "application/json; charset=utf-8")
                .send(body);
    }

    /** How many of a page's ids are shown (the last may only say that more exist). */
    static int shown(long[] ids, int limit) {
        return Math.min(ids.length, limit);
    }

    /** Time-ordered ids, like Flock's flake ids, from this server alone (each baseline has one writer). */
    long nextId() {
        long byClock = (System.currentTimeMillis() - 1_514_764_800_000L) << 22;
        return lastId.updateAndGet(last -> Math.max(last + 1, byClock));
    }
}
