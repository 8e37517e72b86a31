package flock.benchmarks.server;

import flock.apinode.render.ShownEngagement;
import flock.apinode.render.TweetPages;
import flock.domain.account.User;
import flock.domain.tweet.Tweet;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A design Flock is measured against, behind the same HTTP server: the calls of the benchmark's workloads (a home
 * page, a user's own tweets, a post; and where the design keeps engagement, a like, a reply, a repost), answered with
 * the same JSON as Flock's, so that only where the data comes from differs. No authentication: the baselines get that
 * work for free, and the reader is the user the path names.
 */
abstract class Baseline implements HttpService {
    private static final int DEFAULT_LIMIT = 20;
    private static final Map<Long, flock.domain.media.Media> NO_MEDIA = Map.of();

    private final AtomicLong lastId = new AtomicLong();

    /** A page's authors, and its tweets' counts and the reader's state (null where the design keeps none). */
    record Hydration(Map<Long, User> authors, ShownEngagement engagement) {}

    /** The newest ids of a user's home feed, one more than {@code limit} if more exist. */
    abstract long[] homeIds(long userId, int limit);

    /** The newest ids of a user's own tweets, one more than {@code limit} if more exist. */
    abstract long[] userIds(long userId, int limit);

    abstract Map<Long, Tweet> tweets(long[] ids, int limit);

    /**
     * The authors of {@code tweets}, and the counts and {@code reader}'s state of the {@code counted} tweets (the page's
     * own, then the originals its reposts show). A design without engagement shows no counts.
     */
    abstract Hydration hydrate(Collection<Tweet> tweets, long[] counted, long reader);

    /** Stores a tweet (a reply when {@code inReplyToId} is not 0) and starts its fan-out; its id, or 0 if the tweet replied to does not exist. */
    abstract long post(long authorId, String text, long inReplyToId);

    /** Likes a tweet; false if it does not exist. */
    boolean like(long userId, long tweetId) {
        throw new UnsupportedOperationException("this design keeps no likes");
    }

    /** Reposts a tweet, once per account; the repost's id, or 0 if the tweet does not exist. */
    long repost(long userId, long tweetId) {
        throw new UnsupportedOperationException("this design keeps no reposts");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/users/{id}/timeline", (request, response) -> page(request, response, true))
                .get("/users/{id}/tweets", (request, response) -> page(request, response, false))
                .post("/users/{id}/tweets", this::post)
                .put("/users/{id}/tweets/{tweet}/like", (request, response) -> {
                    boolean liked = like(pathId(request, "id"), pathId(request, "tweet"));
                    response.status(liked ? 204 : 404).send();
                })
                .put("/users/{id}/tweets/{tweet}/repost", (request, response) -> {
                    long id = repost(pathId(request, "id"), pathId(request, "tweet"));
                    sendId(response, id == 0 ? 404 : 200, id);
                });
    }

    private static long pathId(ServerRequest request, String name) {
        return Long.parseLong(request.path().pathParameters().get(name));
    }

    private void page(ServerRequest request, ServerResponse response, boolean home) {
        int limit = request.query().first("limit").map(Integer::parseInt).orElse(DEFAULT_LIMIT);
        send(response, 200, page(pathId(request, "id"), limit, home));
    }

    /** A user's home page or own page, as {@code reader}: the user the path names. */
    byte[] page(long userId, int limit, boolean home) {
        long[] ids = home ? homeIds(userId, limit) : userIds(userId, limit);
        return render(ids, limit, userId);
    }

    /**
     * The page as Flock's pages are: each tweet's JSON with its counts and the reader's state, a repost with its
     * original (and the original's counts) inside it, a repost whose original is gone left out.
     */
    private byte[] render(long[] ids, int limit, long reader) {
        int shown = shown(ids, limit);
        Map<Long, Tweet> found = tweets(ids, limit);
        long[] originals = found.values().stream()
                .mapToLong(Tweet::repostOfId)
                .filter(id -> id != 0)
                .distinct()
                .toArray();
        Map<Long, Tweet> all = found;
        if (originals.length > 0) {
            all = new HashMap<>(found);
            all.putAll(tweets(originals, originals.length));
        }
        long[] counted = Arrays.copyOf(ids, shown + originals.length);
        System.arraycopy(originals, 0, counted, shown, originals.length);
        Hydration hydration = hydrate(all.values(), counted, reader);
        byte[][] rendered = new byte[shown][];
        for (int i = 0; i < shown; i++) {
            Tweet tweet = found.get(ids[i]);
            if (tweet == null) {
                continue;
            }
            rendered[i] = TweetPages.renderOne(tweet, hydration.authors().get(tweet.authorId()), NO_MEDIA);
            if (tweet.isRepost()) {
                Tweet original = all.get(tweet.repostOfId());
                int at = shown + indexOf(originals, tweet.repostOfId());
                rendered[i] = original == null
                        ? null
                        : TweetPages.withRepostOf(rendered[i], withExtras(original, hydration, at));
            }
        }
        return TweetPages.assemble(ids, limit, rendered, ids, hydration.engagement());
    }

    private static byte[] withExtras(Tweet tweet, Hydration hydration, int at) {
        byte[] json = TweetPages.renderOne(tweet, hydration.authors().get(tweet.authorId()), NO_MEDIA);
        return hydration.engagement() == null ? json : TweetPages.withExtras(json, hydration.engagement(), at);
    }

    private static int indexOf(long[] ids, long id) {
        int at = 0;
        while (ids[at] != id) {
            at++;
        }
        return at;
    }

    private void post(ServerRequest request, ServerResponse response) {
        long authorId = pathId(request, "id");
        String body = new String(request.content().as(byte[].class), StandardCharsets.UTF_8);
        String inReplyTo = stringField(body, "inReplyToId");
        long id = post(authorId, stringField(body, "text"), inReplyTo == null ? 0 : Long.parseLong(inReplyTo));
        sendId(response, id == 0 ? 404 : 201, id);
    }

    private static void sendId(ServerResponse response, int status, long id) {
        send(response, status, ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** A string field of a JSON body, or null; the workload writes plain words, so no unescaping is needed. */
    static String stringField(String body, String name) {
        int key = body.indexOf("\"" + name + "\"");
        if (key < 0) {
            return null;
        }
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
