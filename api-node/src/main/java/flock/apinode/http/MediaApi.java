package flock.apinode.http;

import flock.apinode.account.Accounts;
import flock.apinode.media.MediaKinds;
import flock.apinode.media.MediaLibrary;
import flock.apinode.render.Views;
import flock.domain.FlockException;
import flock.domain.media.Media;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code /api/v1/media}: upload a picture or video (its bytes streamed to the object store), and fetch one. */
public final class MediaApi implements HttpService {
    private final Accounts accounts;
    private final MediaLibrary library;

    public MediaApi(Accounts accounts, MediaLibrary library) {
        this.accounts = accounts;
        this.library = library;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::upload).get("/{id}", this::fetch);
    }

    private void upload(ServerRequest request, ServerResponse response) {
        long owner = Admission.authenticate(request, accounts);
        MediaKinds kind = MediaKinds.declared(request.headers().first(HeaderNames.CONTENT_TYPE));
        long length = request.headers().contentLength().orElse(-1);
        Media stored = library.upload(owner, kind, request.content().inputStream(), length);
        response.header(HeaderNames.LOCATION, "/api/v1/media/" + stored.id());
        Responses.json(response, 201, Views.media(stored));
    }

    /** 302 to a presigned URL of the object store: the bytes never pass through the API node. */
    private void fetch(ServerRequest request, ServerResponse response) {
        long id = Responses.pathId(request, "id");
        Media found = library.find(id).orElseThrow(() -> FlockException.notFound("media " + id + " does not exist"));
        response.status(302).header(HeaderNames.LOCATION, library.url(found)).send();
    }
}
