package flock.apinode.http;

import flock.apinode.account.Accounts;
import flock.apinode.engagement.Likes;
import flock.apinode.graph.Graph;
import flock.apinode.paging.PageRequest;
import flock.apinode.render.ShownEngagement;
import flock.apinode.render.Views;
import flock.apinode.safety.Visibility;
import flock.apinode.timeline.HomeFeed;
import flock.apinode.tweet.Tweets;
import flock.domain.FlockException;
import flock.domain.account.User;
import flock.domain.engagement.EdgePage;
import flock.domain.graph.FollowList;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

/** {@code /api/v1/users}: sign-up, profiles, following, the two timelines of a user and the tweets it liked. */
public final class UsersApi implements HttpService {
    private final Accounts accounts;
    private final Graph graph;
    private final Tweets tweets;
    private final HomeFeed homeFeed;
    private final Likes likes;
    private final Views views;
    private final Visibility visibility;

    public UsersApi(
            Accounts accounts,
            Graph graph,
            Tweets tweets,
            HomeFeed homeFeed,
            Likes likes,
            Views views,
            Visibility visibility) {
        this.accounts = accounts;
        this.visibility = visibility;
        this.likes = likes;
        this.graph = graph;
        this.tweets = tweets;
        this.homeFeed = homeFeed;
        this.views = views;
    }

    @Override
    public void routing(HttpRules rules) {
        // The server tries routes in order, each a regular expression over the path: the feeds, the hottest, come
        // early, but after the handle lookup, which must win for the handles "timeline" and "tweets".
        rules.get("/by-handle/{handle}", this::byHandle)
                .get("/{id}/timeline", this::homeTimeline)
                .get("/{id}/tweets", this::userTimeline)
                .post("/", this::signUp)
                .get("/{id}", this::profile)
                .put("/{id}/following/{targetId}", this::follow)
                .delete("/{id}/following/{targetId}", this::unfollow)
                .get("/{id}/following", this::following)
                .get("/{id}/followers", this::followers)
                .get("/{id}/likes", this::likes)
                .post("/{id}/token", this::rotateToken);
    }

    private void signUp(ServerRequest request, ServerResponse response) {
        JsonObject body = Responses.jsonBody(request);
        Accounts.SignUp signUp = accounts.signUp(JsonIn.string(body, "handle"), JsonIn.string(body, "displayName"));
        response.header(HeaderNames.LOCATION, "/api/v1/users/" + signUp.user().id());
        Responses.json(response, 201, Views.signUp(signUp));
    }

    private void byHandle(ServerRequest request, ServerResponse response) {
        String handle = request.path().pathParameters().get("handle");
        var user = accounts.findByHandle(handle)
                .orElseThrow(() -> FlockException.notFound("no user has the handle '" + handle + "'"));
        Responses.json(response, 200, profileOf(user));
    }

    private void profile(ServerRequest request, ServerResponse response) {
        long id = Responses.pathId(request, "id");
        Responses.json(response, 200, profileOf(accounts.require(id)));
    }

    /** The profile with its three counts, asked for in parallel where each lives. */
    private byte[] profileOf(User user) {
        CompletableFuture<Long> tweetCount = tweets.countOf(user.id());
        Graph.Profile follows = graph.profile(user);
        return Views.profile(follows, tweetCount.join());
    }

    private void follow(ServerRequest request, ServerResponse response) {
        long id = Responses.pathId(request, "id");
        long targetId = Responses.pathId(request, "targetId");
        Accounts.requireSelf(Admission.authenticate(request, accounts), id);
        graph.follow(id, targetId);
        response.status(204).send();
    }

    private void unfollow(ServerRequest request, ServerResponse response) {
        long id = Responses.pathId(request, "id");
        long targetId = Responses.pathId(request, "targetId");
        Accounts.requireSelf(Admission.authenticate(request, accounts), id);
        graph.unfollow(id, targetId);
        response.status(204).send();
    }

    private void following(ServerRequest request, ServerResponse response) {
        followPage(request, response, graph::followingPage);
    }

    private void followers(ServerRequest request, ServerResponse response) {
        followPage(request, response, graph::followersPage);
    }

    private void followPage(
            ServerRequest request, ServerResponse response, BiFunction<Long, PageRequest, FollowList> direction) {
        long id = Responses.pathId(request, "id");
        PageRequest page = PageParameters.from(request.query());
        accounts.require(id);
        Responses.json(response, 200, views.userPage(direction.apply(id, page), page.limit()));
    }

    /** The tweets the user liked, newest like first; the cursor is the like's id. Likes are public. */
    private void likes(ServerRequest request, ServerResponse response) {
        long id = Responses.pathId(request, "id");
        PageRequest page = PageParameters.from(request.query());
        accounts.require(id);
        EdgePage liked = likes.likesOf(id, page.maxId(), page.limit() + 1);
        Responses.json(response, 200, tweetPage(liked.otherIds(), page.limit(), liked.edgeIds(), reader(request)));
    }

    private void userTimeline(ServerRequest request, ServerResponse response) {
        long id = Responses.pathId(request, "id");
        PageRequest page = PageParameters.from(request.query());
        accounts.require(id);
        long[] ids = tweets.userTimelinePage(id, page);
        Responses.json(response, 200, tweetPage(ids, page.limit(), ids, reader(request)));
    }

    private void rotateToken(ServerRequest request, ServerResponse response) {
        long id = Responses.pathId(request, "id");
        String token = accounts.rotateToken(request.headers().first(HeaderNames.AUTHORIZATION), id);
        Responses.json(response, 200, Views.token(id, token));
    }

    private void homeTimeline(ServerRequest request, ServerResponse response) {
        long id = Responses.pathId(request, "id");
        Accounts.requireSelf(Admission.authenticate(request, accounts), id);
        PageRequest page = PageParameters.from(request.query());
        // For a reader whose feed head this node does not hold (at scale, most of a node's readers; every reader when
        // heads are off, whose feed is then always a round trip), the likes, reposts, blocks and mutes are asked for
        // before the feed is read, so that the four answers come while the feed's does. A reader it holds has them
        // near-cached: asked as before, without a future each (the futures cost a warm page 10-20 µs).
        boolean known = homeFeed.holdsHead(id);
        ShownEngagement.Source shown = known ? likes.shownTo(Optional.of(id)) : likes.prefetchShownTo(id);
        Supplier<LongPredicate> hidden = known ? () -> visibility.inHome(id) : visibility.prefetchInHome(id);
        long[] ids = homeFeed.page(id, page);
        byte[] json = views.tweetPage(ids, page.limit(), ids, shown, hidden.get());
        Responses.json(response, 200, json);
    }

    /**
     * Tweets with their counts, and with the reader's likes when there is a reader; without the tweets of the accounts
     * the reader blocks (or reposting, quoting or answering them), on every page.
     */
    private byte[] tweetPage(long[] ids, int limit, long[] cursors, Optional<Long> reader) {
        return views.tweetPage(ids, limit, cursors, likes.shownTo(reader), visibility.everywhere(reader));
    }

    private Optional<Long> reader(ServerRequest request) {
        return Admission.reader(request, accounts);
    }
}
