package flock.apinode.limits;

import io.helidon.config.Config;
import java.time.Duration;
import java.util.Optional;

/**
 * The rate limits, from {@code flock.limits} in application.yaml. The defaults are Mastodon's (docs.joinmastodon.org,
 * "Rate limits"): 300 requests per 5 minutes for each account, 300 per 5 minutes for each address making requests
 * without a token, and 30 media uploads per 30 minutes for each account.
 *
 * @param account the bucket of each authenticated user, shared by every API node
 * @param address the bucket of each client address, for requests without a valid token
 * @param uploads the second bucket an upload ({@code POST /api/v1/media}) draws from, per account: an upload costs the
 *     store up to 64 MiB, where a request of any other kind costs a few grid calls
 * @param sync how often a node reports the requests it admitted to the grid and learns the other nodes', for a client
 *     that used an eighth of what the node sees left since its last report; one far from its limit is reported every
 *     5 s (a client can exceed its limit by what it sends to each node within one sync, plus an eighth of what each
 *     node saw left)
 * @param addressHeader the request header that carries the client's address when the API nodes sit behind a proxy
 *     (e.g. X-Forwarded-For; its first address is taken); empty to use the connection's peer. Set it only behind a
 *     proxy that sets the header, or clients choose their own address
 */
public record LimitSettings(
        Limit account, Limit address, Limit uploads, Duration sync, Optional<String> addressHeader) {
    public static final LimitSettings DEFAULTS = new LimitSettings(
            new Limit(300, Duration.ofMinutes(5)),
            new Limit(300, Duration.ofMinutes(5)),
            new Limit(30, Duration.ofMinutes(30)),
            Duration.ofMillis(200),
            Optional.empty());

    public LimitSettings {
        if (sync.isNegative() || sync.isZero() || sync.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("flock.limits.sync must be above 0 and at most 10 s, was " + sync);
        }
    }

    /**
     * So many requests per period, refilled continuously: a client that waits {@code period / requests} gets one
     * request back.
     */
    public record Limit(int requests, Duration period) {
        public Limit {
            if (requests < 1) {
                throw new IllegalArgumentException("a rate limit allows at least 1 request, was " + requests);
            }
            if (period.toMillis() < 1) {
                throw new IllegalArgumentException("a rate limit's period must be at least 1 ms, was " + period);
            }
        }

        /** Tokens refilled per nanosecond. */
        public double perNano() {
            return (double) requests / period.toNanos();
        }

        public static Limit from(Config limit, Limit defaults) {
            return new Limit(
                    limit.get("requests").asInt().orElse(defaults.requests()),
                    limit.get("period").as(Duration.class).orElse(defaults.period()));
        }
    }

    public static LimitSettings from(Config limits) {
        return new LimitSettings(
                Limit.from(limits.get("account"), DEFAULTS.account()),
                Limit.from(limits.get("address"), DEFAULTS.address()),
                Limit.from(limits.get("uploads"), DEFAULTS.uploads()),
                limits.get("sync").as(Duration.class).orElse(DEFAULTS.sync()),
                limits.get("address-header").asString().filter(header -> !header.isBlank()));
    }
}
