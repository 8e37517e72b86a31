package flock.apinode.http;

import flock.apinode.account.Accounts;
import flock.apinode.engagement.Likes;
import flock.apinode.engagement.Replies;
import flock.apinode.engagement.Reposts;
import flock.apinode.paging.PageRequest;
import flock.apinode.render.Views;
import flock.apinode.safety.Visibility;
import flock.apinode.tweet.Tweets;
import flock.domain.FlockException;
import flock.domain.engagement.EdgePage;
import flock.domain.graph.FollowList;
import flock.domain.tweet.Tweet;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * {@code /api/v1/tweets}: post (or reply), read and delete a tweet; like it, take the like back, page its likers and
 * its replies, and read its context in a conversation.
 */
public final class TweetsApi implements HttpService {
    /** The longest {@code Idempotency-Key} taken. */
    static final int MAX_IDEMPOTENCY_KEY = 128;

    private static final HeaderName IDEMPOTENCY_KEY = HeaderNames.create("Idempotency-Key");

    private final Accounts accounts;
    private final Tweets tweets;
    private final Likes likes;
    private final Replies replies;
    private final Reposts reposts;
    private final Views views;
    private final Visibility visibility;

    public TweetsApi(
            Accounts accounts,
            Tweets tweets,
            Likes likes,
            Replies replies,
            Reposts reposts,
            Views views,
            Visibility visibility) {
        this.accounts = accounts;
        this.visibility = visibility;
        this.tweets = tweets;
        this.likes = likes;
        this.replies = replies;
        this.reposts = reposts;
        this.views = views;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::post)
                .get("/{id}", this::read)
                .delete("/{id}", this::delete)
                .put("/{id}/like", this::like)
                .delete("/{id}/like", this::unlike)
                .get("/{id}/likers", this::likers)
                .put("/{id}/repost", this::repost)
                .delete("/{id}/repost", this::unrepost)
                .get("/{id}/replies", this::replies)
                .get("/{id}/context", this::context);
    }

    private void post(ServerRequest request, ServerResponse response) {
        long author = Admission.authenticate(request, accounts);
        JsonObject body = Responses.jsonBody(request);
        Tweets.Posted posted = tweets.post(
                author,
                JsonIn.string(body, "text"),
                JsonIn.ids(body, "mediaIds"),
                JsonIn.optionalId(body, "inReplyToId"),
                JsonIn.optionalId(body, "quoteOfId"),
                idempotencyKey(request));
        response.header(HeaderNames.LOCATION, "/api/v1/tweets/" + posted.tweet().id());
        // Nobody has liked or answered it yet, its author included: no need to ask.
        Responses.json(
                response, 201, views.posted(posted.tweet(), posted.author(), likes.shownTo(Optional.of(author))));
    }

    /** The post's {@code Idempotency-Key} (null without one): 1 to 128 visible ASCII characters. */
    private static String idempotencyKey(ServerRequest request) {
        String key = request.headers().first(IDEMPOTENCY_KEY).orElse(null);
        if (key == null) {
            return null;
        }
        boolean visible = !key.isEmpty() && key.length() <= MAX_IDEMPOTENCY_KEY;
        for (int i = 0; visible && i < key.length(); i++) {
            visible = key.charAt(i) > ' ' && key.charAt(i) < 127;
        }
        if (!visible) {
            throw FlockException.invalid("Idempotency-Key: 1 to " + MAX_IDEMPOTENCY_KEY
                    + " visible ASCII characters (letters, digits, punctuation; no spaces)");
        }
        return key;
    }

    /** With its counts, what it quotes, and with a valid token whether the reader likes it. */
    private void read(ServerRequest request, ServerResponse response) {
        long id = Responses.pathId(request, "id");
        byte[] tweet = views.one(id, likes.shownTo(Admission.reader(request, accounts)));
        if (tweet == null) {
            throw FlockException.notFound("tweet " + id + " does not exist");
        }
        Responses.json(response, 200, tweet);
    }

    private void like(ServerRequest request, ServerResponse response) {
        likes.like(Admission.authenticate(request, accounts), Responses.pathId(request, "id"));
        response.status(204).send();
    }

    private void unlike(ServerRequest request, ServerResponse response) {
        likes.unlike(Admission.authenticate(request, accounts), Responses.pathId(request, "id"));
        response.status(204).send();
    }

    /** 200 with the reader's repost: made now, or the one made before. */
    private void repost(ServerRequest request, ServerResponse response) {
        long actor = Admission.authenticate(request, accounts);
        Tweets.Posted repost = reposts.repost(actor, Responses.pathId(request, "id"));
        Responses.json(response, 200, views.posted(repost.tweet(), repost.author(), likes.shownTo(Optional.of(actor))));
    }

    private void unrepost(ServerRequest request, ServerResponse response) {
        reposts.unrepost(Admission.authenticate(request, accounts), Responses.pathId(request, "id"));
        response.status(204).send();
    }

    /** Newest like first; the cursor is the like's id. Likes are public. */
    private void likers(ServerRequest request, ServerResponse response) {
        long id = Responses.pathId(request, "id");
        PageRequest page = PageParameters.from(request.query());
        EdgePage likers = likes.likersOf(id, page.maxId(), page.limit() + 1);
        Responses.json(
                response, 200, views.userPage(new FollowList(likers.otherIds(), likers.edgeIds()), page.limit()));
    }

    /** The direct replies, newest first; the cursor is a reply's id. */
    private void replies(ServerRequest request, ServerResponse response) {
        long id = Responses.pathId(request, "id");
        PageRequest page = PageParameters.from(request.query());
        long[] ids = replies.repliesOf(id, page.maxId(), page.limit() + 1);
        Responses.json(response, 200, tweetPage(ids, page.limit(), Admission.reader(request, accounts)));
    }

    /**
     * The chain of tweets this one answers, oldest first, and its direct replies, newest first, a page of them (its
     * cursor goes on in {@code /replies}). A deleted tweet has no context: 404.
     */
    private void context(ServerRequest request, ServerResponse response) {
        long id = Responses.pathId(request, "id");
        PageRequest page = PageParameters.from(request.query());
        Tweet tweet = tweets.find(id).orElseThrow(() -> FlockException.notFound("tweet " + id + " does not exist"));
        Optional<Long> reader = Admission.reader(request, accounts);
        long[] ancestors = replies.ancestorsOf(tweet);
        long[] descendants = replies.repliesOf(id, page.maxId(), page.limit() + 1);
        Responses.json(
                response,
                200,
                views.context(
                        tweetPage(ancestors, ancestors.length, reader), tweetPage(descendants, page.limit(), reader)));
    }

    /** Tweets with their counts, and with the reader's likes when there is a reader, without what it blocks. */
    private byte[] tweetPage(long[] ids, int limit, Optional<Long> reader) {
        return views.tweetPage(ids, limit, ids, likes.shownTo(reader), visibility.everywhere(reader));
    }

    private void delete(ServerRequest request, ServerResponse response) {
        long id = Responses.pathId(request, "id");
        long actingUser = Admission.authenticate(request, accounts);
        tweets.delete(actingUser, id);
        response.status(204).send();
    }
}
