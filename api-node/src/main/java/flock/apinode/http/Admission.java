package flock.apinode.http;

import flock.apinode.account.Accounts;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@link RateLimitFilter} learned about a request before its route ran, handed on in the request's context: the
 * account whose token it verified, so the route does not verify it again, and the X-RateLimit headers it answered
 * with, so that a problem written after Helidon reset the response (an error handler) carries them too.
 *
 * @param caller the account of the request's valid token; empty when it carried none that is valid
 * @param limitHeaders the X-RateLimit headers of the admitted request
 */
record Admission(OptionalLong caller, List<Header> limitHeaders) {

    static Optional<Admission> of(ServerRequest request) {
        return request.context().get(Admission.class);
    }

    /**
     * The user of this request: the one the filter already verified, or, on a path it did not admit (no filter ran),
     * the token checked now; 401 with what was wrong when there is no valid token.
     */
    static long authenticate(ServerRequest request, Accounts accounts) {
        Optional<Admission> admission = of(request);
        if (admission.isPresent() && admission.get().caller().isPresent()) {
            return admission.get().caller().getAsLong();
        }
        return accounts.authenticate(request.headers().first(HeaderNames.AUTHORIZATION));
    }

    /** The reader of a request that may carry a token: its account if the token is valid, empty otherwise (no 401). */
    static Optional<Long> reader(ServerRequest request, Accounts accounts) {
        Optional<Admission> admission = of(request);
        if (admission.isPresent() && admission.get().caller().isPresent()) {
            return Optional.of(admission.get().caller().getAsLong());
        }
        OptionalLong verified = accounts.verify(request.headers().first(HeaderNames.AUTHORIZATION));
        return verified.isPresent() ? Optional.of(verified.getAsLong()) : Optional.empty();
    }
}
