package flock.apinode.http;

import flock.domain.ErrorCode;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;

/**
 * The refusals Helidon answers itself, before any route or error handler runs: a body over
 * {@code server.max-payload-size} (413), a request line or headers it cannot parse (400). By default they go
 * out with an empty body; these give them the same problem+json body as every other refusal of the API.
 */
public final class EarlyRefusals {
    private EarlyRefusals() {}

    public static DirectHandlers all() {
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        for (DirectHandler.EventType event : DirectHandler.EventType.values()) {
            handlers.addHandler(event, EarlyRefusals::answer);
        }
        return handlers.build();
    }

    private static DirectHandler.TransportResponse answer(
            DirectHandler.TransportRequest request,
            DirectHandler.EventType event,
            Status status,
            ServerResponseHeaders headers,
            String message) {
        int code = status.code();
        String detail =
                switch (event) {
                    case PAYLOAD_TOO_LARGE -> "the request body is larger than this server accepts";
                    case BAD_REQUEST -> "the request could not be read as HTTP: " + message;
                    default -> code >= 500 ? "an unexpected error occurred; it has been logged" : message;
                };
        String problem =
                code == 413 ? ErrorCode.TOO_LARGE.name() : code >= 500 ? "INTERNAL" : ErrorCode.INVALID_INPUT.name();
        return DirectHandler.TransportResponse.builder()
                .status(status)
                .headers(headers)
                .header(HeaderNames.CONTENT_TYPE, Problems.PROBLEM_JSON)
                .entity(Problems.body(code, problem, detail))
                .build();
    }
}
