package flock.apinode.http;

import flock.apinode.account.Accounts;
import flock.apinode.limits.LimitSettings;
import flock.apinode.limits.LocalBucket;
import flock.apinode.limits.RateLimiter;
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
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Every request to {@code /api/} draws a token before any route runs: from the bucket of its user when it carries a
 * valid token, else from the bucket of its client address. Every answer says where the client stands
 * (X-RateLimit-Limit, -Remaining, and -Reset, when the bucket is full again in UTC epoch seconds, as Twitter's API
 * sends them); a request without a token left gets 429 with Retry-After and changes nothing. An upload draws from its
 * account's uploads bucket too. What the filter found is handed to the route in the request's context, as an
 * {@link Admission}.
 */
public final class RateLimitFilter implements Filter {
    static final HeaderName LIMIT = HeaderNames.create("X-RateLimit-Limit");
    static final HeaderName REMAINING = HeaderNames.create("X-RateLimit-Remaining");
    static final HeaderName RESET = HeaderNames.create("X-RateLimit-Reset");

    private final Accounts accounts;
    private final RateLimiter limiter;
    private final RequestMetrics metrics;
    private final Optional<HeaderName> addressHeader;
    private final Header accountLimit;
    private final Header addressLimit;
    private final Header uploadsLimit;

    public RateLimitFilter(Accounts accounts, RateLimiter limiter, LimitSettings settings, RequestMetrics metrics) {
        this.accounts = accounts;
        this.limiter = limiter;
        this.metrics = metrics;
        this.addressHeader = settings.addressHeader().map(HeaderNames::create);
        this.accountLimit = HeaderValues.createCached(LIMIT, settings.account().requests());
        this.addressLimit = HeaderValues.createCached(LIMIT, settings.address().requests());
        this.uploadsLimit = HeaderValues.createCached(LIMIT, settings.uploads().requests());
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
        request.context()
                .register(new Admission(
                        user,
                        List.of(
                                response.headers().get(LIMIT),
                                response.headers().get(REMAINING),
                                response.headers().get(RESET))));
        chain.proceed();
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
