package flock.apinode.http;

import io.helidon.http.Method;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The API's request latency as a histogram per route, method and status class
 * ({@code flock_http_requests_seconds{route="/api/v1/users/{id}/timeline",method="GET",status="2xx"}}), and the
 * requests the rate limits refused, per kind of bucket. Timers are made on first use and kept in an array indexed by
 * route, method and status, so a request costs a lookup, not a map of tags.
 */
public final class RequestMetrics implements Filter {
    private static final List<Method> METHODS = List.of(Method.GET, Method.POST, Method.PUT, Method.DELETE);
    private static final int OTHER_METHOD = METHODS.size();
    private static final int STATUS_CLASSES = 5;

    private final MeterRegistry registry = Metrics.globalRegistry();
    private final AtomicReferenceArray<Timer> timers =
            new AtomicReferenceArray<>((RouteTemplates.OTHER + 1) * (OTHER_METHOD + 1) * STATUS_CLASSES);
    private final Counter refusedAccounts = refusals("account");
    private final Counter refusedAddresses = refusals("address");

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        String path = request.prologue().uriPath().path();
        if (!path.startsWith("/api/")) {
            chain.proceed();
            return;
        }
        long started = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            int route = RouteTemplates.match(path);
            int method = METHODS.indexOf(request.prologue().method());
            int status = Math.min(Math.max(response.status().code() / 100, 1), STATUS_CLASSES) - 1;
            timer(route, method < 0 ? OTHER_METHOD : method, status)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /** One request refused by the rate limits, from an account's bucket or an address's. */
    void refused(boolean account) {
        (account ? refusedAccounts : refusedAddresses).increment();
    }

    private Timer timer(int route, int method, int status) {
        int index = (route * (OTHER_METHOD + 1) + method) * STATUS_CLASSES + status;
        Timer timer = timers.get(index);
        if (timer != null) {
            return timer;
        }
        timer = registry.getOrCreate(Timer.builder("flock.http.requests")
                .description("Requests to the API, from the first byte read to the answer, per route")
                .tags(List.of(
                        Tag.create("route", RouteTemplates.name(route)),
                        Tag.create(
                                "method",
                                method == OTHER_METHOD
                                        ? "other"
                                        : METHODS.get(method).text()),
                        Tag.create("status", (status + 1) + "xx")))
                .publishPercentileHistogram(true)
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10)));
        timers.compareAndSet(index, null, timer);
        return timers.get(index);
    }

    private Counter refusals(String bucket) {
        return registry.getOrCreate(Counter.builder("flock.ratelimit.refused")
                .description("Requests refused with 429 because their bucket was empty")
                .tags(List.of(Tag.create("bucket", bucket))));
    }
}
