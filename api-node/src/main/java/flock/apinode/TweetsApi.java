package flock.apinode;

import flock.domain.FlockException;
import flock.domain.Tweet;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonObject;

/** {@code /api/v1/tweets}: post, read and delete a tweet. */
final class TweetsApi implements HttpService {
    private final Accounts accounts;
    private final Posts posts;
    private final Views views;

    TweetsApi(Accounts accounts, Posts posts, Views views) {
        this.accounts = accounts;
        this.posts = posts;
        this.views = views;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::post).get("/{id}", this::read).delete("/{id}", this::delete);
    }

    private void post(ServerRequest request, ServerResponse response) {
        long author = accounts.authenticate(request);
        JsonObject body = Responses.jsonBody(request);
        Posts.Posted posted = posts.post(author, JsonIn.string(body, "text"), JsonIn.ids(body, "mediaIds"));
        response.header(HeaderNames.LOCATION, "/api/v1/tweets/" + posted.tweet().id());
        Responses.json(response, 201, views.tweet(posted.tweet(), posted.author()));
    }

    private void read(ServerRequest request, ServerResponse response) {
        long id = Responses.pathId(request, "id");
        Tweet tweet = posts.find(id).orElseThrow(() -> FlockException.notFound("tweet " + id + " does not exist"));
        Responses.json(response, 200, views.tweet(tweet));
    }

    private void delete(ServerRequest request, ServerResponse response) {
        long id = Responses.pathId(request, "id");
        long actingUser = accounts.authenticate(request);
        posts.delete(actingUser, id);
        response.status(204).send();
    }
}
