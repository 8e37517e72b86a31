package flock.apinode.http;

import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.IndeterminateOperationStateException;
import com.hazelcast.map.ReachedMaxSizeException;
import flock.apinode.render.JsonOut;
import flock.domain.ErrorCode;
import flock.domain.FlockException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where failures become HTTP answers: RFC 9457 problem+json bodies with the status the
 * error code calls for. Grid faults (a member unreachable, Cassandra failing a read-through) are 503
 * with Retry-After; anything else unexpected is a 500 that is logged, and never shows internals.
 */
public final class Problems {
    private static final Logger LOG = Logger.getLogger(Problems.class.getName());

    static final String PROBLEM_JSON = "application/problem+json";

    /** Seconds a client should wait before retrying after a 503. */
    static final int RETRY_AFTER_SECONDS = 2;

    private Problems() {}

    public static void register(HttpRouting.Builder routing) {
        routing.error(FlockException.class, Problems::flock)
                .error(HazelcastException.class, Problems::grid)
                .error(CompletionException.class, Problems::completion)
                .error(ReachedMaxSizeException.class, Problems::writeQueueFull)
                .error(HttpException.class, Problems::http)
                .error(Exception.class, Problems::unexpected);
    }

    static int status(ErrorCode code) {
        return switch (code) {
            case INVALID_INPUT -> 400;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case TOO_MANY_REQUESTS -> 429;
            case UNAVAILABLE -> 503;
        };
    }

    private static void flock(ServerRequest request, ServerResponse response, FlockException error) {
        int status = status(error.code());
        if (error.code() == ErrorCode.UNAUTHORIZED) {
            response.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
        }
        if (error.code() == ErrorCode.UNAVAILABLE) {
            response.header(HeaderNames.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        }
        send(request, response, status, error.code().name(), error.getMessage());
    }

    /** A failure met in a future the handler joined: answered as its cause would have been. */
    private static void completion(ServerRequest request, ServerResponse response, CompletionException error) {
        switch (error.getCause()) {
            case FlockException cause -> flock(request, response, cause);
            case HazelcastException cause -> grid(request, response, cause);
            case ReachedMaxSizeException cause -> writeQueueFull(request, response, cause);
            case null, default -> unexpected(request, response, error);
        }
    }

    private static void grid(ServerRequest request, ServerResponse response, HazelcastException error) {
        LOG.log(
                Level.WARNING,
                "grid unavailable for " + request.prologue().uriPath().path(),
                error);
        response.header(HeaderNames.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        send(
                request,
                response,
                503,
                ErrorCode.UNAVAILABLE.name(),
                error instanceof IndeterminateOperationStateException
                        ? "the data grid lost a copy of this write while applying it; it may not have been applied,"
                                + " retry it"
                        : "the data grid is not available right now; retry shortly");
    }

    /**
     * The write-behind queue towards Cassandra is at its bound (Cassandra is down or slow): the write is
     * refused, not queued past the bound, so nothing already acknowledged can be dropped.
     */
    private static void writeQueueFull(ServerRequest request, ServerResponse response, ReachedMaxSizeException error) {
        LOG.warning("write refused, write-behind queue full: " + error.getMessage());
        response.header(HeaderNames.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        send(
                request,
                response,
                503,
                ErrorCode.UNAVAILABLE.name(),
                "the database is not keeping up; the write was not accepted, retry shortly");
    }

    /** Helidon's own refusals (no such route, payload too large, bad request line) in the same format. */
    private static void http(ServerRequest request, ServerResponse response, HttpException error) {
        int status = error.status().code();
        if (status >= 500) {
            unexpected(request, response, error);
            return;
        }
        String code =
                switch (status) {
                    case 404 -> ErrorCode.NOT_FOUND.name();
                    case 413 -> ErrorCode.TOO_LARGE.name();
                    case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE.name();
                    default -> ErrorCode.INVALID_INPUT.name();
                };
        String detail = status == 404
                ? "no such resource: " + request.prologue().method().text() + " "
                        + request.prologue().uriPath().path()
                : error.getMessage();
        send(request, response, status, code, detail);
    }

    private static void unexpected(ServerRequest request, ServerResponse response, Exception error) {
        LOG.log(
                Level.SEVERE,
                "unexpected failure for " + request.prologue().uriPath().path(),
                error);
        send(request, response, 500, "INTERNAL", "an unexpected error occurred; it has been logged");
    }

    /**
     * Sends a problem from an error handler: Helidon reset the response before the handler ran, so the X-RateLimit
     * headers the filter answered with are put back.
     */
    static void send(ServerRequest request, ServerResponse response, int status, String code, String detail) {
        Admission.of(request).ifPresent(admission -> admission.limitHeaders().forEach(response.headers()::set));
        send(response, status, code, detail);
    }

    /** Sends a problem on a response that still holds every header set so far. */
    static void send(ServerResponse response, int status, String code, String detail) {
        response.status(Status.create(status))
                .header(HeaderNames.CONTENT_TYPE, PROBLEM_JSON)
                .send(body(status, code, detail));
    }

    /** The RFC 9457 body every refusal carries. */
    static byte[] body(int status, String code, String detail) {
        return new JsonOut()
                .beginObject()
                .field("type", "urn:flock:problem:" + code.toLowerCase().replace('_', '-'))
                .field("title", Status.create(status).reasonPhrase())
                .field("status", status)
                .field("detail", detail)
                .field("code", code)
                .endObject()
                .toBytes();
    }
}
