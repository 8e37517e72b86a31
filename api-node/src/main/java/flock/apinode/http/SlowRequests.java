package flock.apinode.http;

import flock.apinode.grid.GridCallTrace;
import io.helidon.common.context.Contexts;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * The slow-request log ({@code flock.diagnostics.slow-request-millis}): every API request slower than the threshold
 * is logged with its route, status and each grid call it made, when it started and how long it took, so that a tail
 * can be traced to the calls it waited on, for instance
 * {@code GET /api/v1/users/{id}/tweets 200 in 28.03 ms; grid calls (start+duration, ms): credentials.get
 * 0.00+0.00, user_timelines.executeOnKey 0.07+27.91, blocking.get 27.99+0.00}. The route, not the path: the log
 * names no account. Needs the grid connection wrapped by {@link GridCallTrace#traced}.
 */
public final class SlowRequests implements Filter {
    private static final Logger LOG = Logger.getLogger(SlowRequests.class.getName());

    private final long thresholdNanos;

    public SlowRequests(Duration threshold) {
        if (threshold.isNegative() || threshold.isZero()) {
            throw new IllegalArgumentException(
                    "flock.diagnostics.slow-request-millis must be positive to log slow requests, was "
                            + threshold.toMillis());
        }
        this.thresholdNanos = threshold.toNanos();
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        long started = System.nanoTime();
        GridCallTrace.Calls calls = new GridCallTrace.Calls();
        request.context().register(calls);
        try {
            Contexts.runInContext(request.context(), chain::proceed); // the grid calls find their request here
        } finally {
            long took = System.nanoTime() - started;
            if (took >= thresholdNanos) {
                LOG.warning(describe(
                        request.prologue().method().text(),
                        RouteTemplates.name(RouteTemplates.match(
                                request.prologue().uriPath().path())),
                        response.status().code(),
                        took,
                        calls));
            }
        }
    }

    static String describe(String method, String route, int status, long tookNanos, GridCallTrace.Calls calls) {
        return String.format(
                "slow request: %s %s %d in %.2f ms; grid calls (start+duration, ms): %s",
                method, route, status, tookNanos / 1e6, calls.count() == 0 ? "none" : calls);
    }
}
