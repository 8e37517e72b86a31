package flock.apinode.http;

import flock.domain.ErrorCode;
import flock.domain.FlockException;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Small helpers every resource uses: JSON answers, path ids, request bodies. */
public final class Responses {
    static final String JSON = "application/json; charset=utf-8";

    /** The largest JSON body read: tweets and sign-ups are small (the server takes more, for media uploads). */
    public static final int MAX_JSON_BYTES = 65_536;

    private Responses() {}

    static void json(ServerResponse response, int status, byte[] body) {
        response.status(status).header(HeaderNames.CONTENT_TYPE, JSON).send(body);
    }

    static long pathId(ServerRequest request, String name) {
        return Ids.parse(name, request.path().pathParameters().get(name));
    }

    /** The request body as a JSON object; 415 when the client says it sends something else. */
    static jakarta.json.JsonObject jsonBody(ServerRequest request) {
        boolean declaredOther = request.headers()
                .contentType()
                .map(type -> !type.test(MediaTypes.APPLICATION_JSON))
                .orElse(false);
        if (declaredOther) {
            throw new FlockException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type: must be application/json");
        }
        if (!request.content()
                .hasEntity()) { // an empty body: Helidon has no entity to read (found by HostileInputTest)
            throw FlockException.invalid("body: a JSON object is required");
        }
        byte[] body;
        try {
            body = request.content().inputStream().readNBytes(MAX_JSON_BYTES + 1);
        } catch (java.io.IOException e) {
            throw FlockException.invalid("body: could not be read (" + e.getMessage() + ")");
        }
        if (body.length > MAX_JSON_BYTES) {
            throw new FlockException(
                    ErrorCode.TOO_LARGE, "body: a JSON body may be at most " + MAX_JSON_BYTES + " bytes");
        }
        return JsonIn.object(body);
    }
}
