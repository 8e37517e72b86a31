package flock.apinode.http;

import flock.apinode.account.Accounts;
import flock.apinode.render.Views;
import flock.apinode.tweet.Tweets;
import flock.domain.FlockException;
import flock.domain.tweet.Tweet;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonObject;

/** {@code /api/v1/tweets}: post, read and delete a tweet. */
public final class TweetsApi implements HttpService {
    private final Accounts accounts;
    private final Tweets tweets;
    private final Views views;

    public TweetsApi(Accounts accounts, Tweets tweets, Views views) {
        this.accounts = accounts;
        this.tweets = tweets;
        this.views = views;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::post).get("/{id}", this::read).delete("/{id}", this::delete);
    }

    private void post(ServerRequest request, ServerResponse response) {
        long author = Admission.authenticate(request, accounts);
        JsonObject body = Responses.jsonBody(request);
        Tweets.Posted posted = tweets.post(author, JsonIn.string(body, "text"), JsonIn.ids(body, "mediaIds"));
        response.header(HeaderNames.LOCATION, "/api/v1/tweets/" + posted.tweet().id());
        Responses.json(response, 201, views.tweet(posted.tweet(), posted.author()));
    }

    private void read(ServerRequest request, ServerResponse response) {
        long id = Responses.pathId(request, "id");
        Tweet tweet = tweets.find(id).orElseThrow(() -> FlockException.notFound("tweet " + id + " does not exist"));
        Responses.json(response, 200, views.tweet(tweet));
    }

    private void delete(ServerRequest request, ServerResponse response) {
        long id = Responses.pathId(request, "id");
        long actingUser = Admission.authenticate(request, accounts);
        tweets.delete(actingUser, id);
        response.status(204).send();
    }
}
