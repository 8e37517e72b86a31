package flock.apinode;

import flock.domain.ErrorCode;
import io.helidon.common.socket.PeerInfo;
import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerResponse;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Every request to {@code /api/} draws a token before any route runs: from the bucket of its user when it carries a
 * valid token, else from the bucket of its client address. Every answer says where the client stands
 * (X-RateLimit-Limit, -Remaining, and -Reset, when the bucket is full again in UTC epoch seconds, as Twitter's API
 * sends them); a request without a token left gets 429 with Retry-After and changes nothing. An upload draws from its
 * account's uploads bucket too. The route learns the
 * user the token was checked for from {@link #verifiedCaller()}, so it does not check it again.
 */
final class RateLimitFilter implements Filter {
    static final HeaderName LIMIT = HeaderNames.create("X-RateLimit-Limit");
    static final HeaderName REMAINING = HeaderNames.create("X-RateLimit-Remaining");
    static final HeaderName RESET = HeaderNames.create("X-RateLimit-Reset");

    /**
     * The user whose token the filter checked, while the route runs. A thread local rather than the request's
     * context: Helidon creates that context lazily, a map per request, on the read path; the filter and the route
     * run on the same thread, one request at a time, and the value is removed when the route returns.
     */
    private static final ThreadLocal<Long> CALLER = new ThreadLocal<>();

    private final Accounts accounts;
    private final RateLimiter limiter;
    private final RequestMetrics metrics;
    private final Optional<HeaderName> addressHeader;
    private final Header accountLimit;
    private final Header addressLimit;
    private final Header uploadsLimit;

    RateLimitFilter(Accounts accounts, RateLimiter limiter, LimitSettings settings, RequestMetrics metrics) {
        this.accounts = accounts;
        this.limiter = limiter;
        this.metrics = metrics;
        this.addressHeader = settings.addressHeader().map(HeaderNames::create);
        this.accountLimit = HeaderValues.createCached(LIMIT, settings.account().requests());
        this.addressLimit = HeaderValues.createCached(LIMIT, settings.address().requests());
        this.uploadsLimit = HeaderValues.createCached(LIMIT, settings.uploads().requests());
    }

    /** The user whose token this request carries, when the filter found it valid; null otherwise. */
    static Long verifiedCaller() {
        return CALLER.get();
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        if (!request.prologue().uriPath().path().startsWith("/api/")) {
            chain.proceed();
            return;
        }
        OptionalLong user = accounts.verify(request.headers().first(HeaderNames.AUTHORIZATION));
        boolean admitted = user.isPresent()
                ? admit(limiter.forAccount(user.getAsLong()), accountLimit, "requests from this account", response)
                        && (!isUpload(request)
                                || admit(
                                        limiter.forUploads(user.getAsLong()),
                                        uploadsLimit,
                                        "uploads from this account",
                                        response))
                : admit(
                        limiter.forAddress(clientAddress(request)),
                        addressLimit,
                        "requests from this address",
                        response);
        if (!admitted) {
            metrics.refused(user.isPresent());
            return;
        }
        if (user.isPresent()) {
            CALLER.set(user.getAsLong());
        }
        // Helidon resets the response before an error handler writes a problem: keep the limit headers for it.
        LIMIT_HEADERS.set(List.of(
                response.headers().get(LIMIT),
                response.headers().get(REMAINING),
                response.headers().get(RESET)));
        try {
            chain.proceed();
        } finally {
            CALLER.remove();
            LIMIT_HEADERS.remove();
        }
    }

    /**
     * The X-RateLimit headers of the request the route runs for, so that an error handler can put them back on the
     * problem it writes (Helidon runs the handler on the route's thread, after resetting the response).
     */
    private static final ThreadLocal<List<Header>> LIMIT_HEADERS = new ThreadLocal<>();

    /** Puts back the limit headers on a problem answer written while a route ran (see {@link #LIMIT_HEADERS}). */
    static void restoreHeaders(ServerResponse response) {
        List<Header> headers = LIMIT_HEADERS.get();
        if (headers != null) {
            headers.forEach(response.headers()::set);
        }
    }

    /**
     * Draws a token from the bucket and says where it stands in the X-RateLimit headers (an upload's answer tells of
     * its uploads bucket, the stricter); answers whether the request may go on, having sent the 429 if not.
     */
    private boolean admit(LocalBucket bucket, Header limitHeader, String what, RoutingResponse response) {
        double level = limiter.tryTake(bucket, System.nanoTime());
        boolean admitted = level >= 1;
        LimitSettings.Limit limit = bucket.limit;
        double left = admitted ? level - 1 : level;
        long fullInSeconds = (long) Math.ceil((limit.requests() - left) / limit.perNano() / 1e9);
        // set, not add: an upload's second bucket replaces what its account's said
        response.headers()
                .set(limitHeader)
                .set(REMAINING, String.valueOf((long) Math.max(0, Math.floor(left))))
                .set(RESET, String.valueOf(System.currentTimeMillis() / 1000 + fullInSeconds));
        if (admitted) {
            return true;
        }
        long retryAfter = Math.max(1, (long) Math.ceil((1 - level) / limit.perNano() / 1e9));
        response.header(HeaderNames.RETRY_AFTER, String.valueOf(retryAfter));
        Problems.send(
                response,
                429,
                ErrorCode.TOO_MANY_REQUESTS.name(),
                "too many " + what + ": the limit is " + limit.requests() + " per "
                        + limit.period().toSeconds() + " s; retry in " + retryAfter + " s");
        return false;
    }

    private static boolean isUpload(RoutingRequest request) {
        return request.prologue().method() == Method.POST
                && request.prologue().uriPath().path().equals("/api/v1/media");
    }

    /** The proxy's header when one is configured and present (its first address: the client's), else the peer's. */
    private Object clientAddress(RoutingRequest request) {
        if (addressHeader.isPresent()) {
            Optional<String> forwarded = request.headers().first(addressHeader.get());
            if (forwarded.isPresent()) {
                String first = forwarded.get();
                int comma = first.indexOf(',');
                return (comma < 0 ? first : first.substring(0, comma)).strip();
            }
        }
        PeerInfo peer = request.remotePeer();
        return peer.address() instanceof InetSocketAddress socket && socket.getAddress() != null
                ? socket.getAddress()
                : peer.host();
    }

    @Override
    public void afterStop() {
        limiter.close();
    }
}
