package flock.apinode.http;

import flock.apinode.paging.PageRequest;
import flock.domain.FlockException;
import io.helidon.common.parameters.Parameters;

/** Reads a {@link PageRequest} from a request's query: {@code limit}, {@code maxId} and {@code sinceId}. */
final class PageParameters {
    private PageParameters() {}

    static PageRequest from(Parameters query) {
        int limit = PageRequest.DEFAULT_LIMIT;
        if (query.contains("limit")) {
            String text = query.get("limit");
            try {
                limit = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw FlockException.invalid(
                        "limit: must be a whole number from 1 to " + PageRequest.MAX_LIMIT + ", was '" + text + "'");
            }
            if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
                throw FlockException.invalid("limit: must be from 1 to " + PageRequest.MAX_LIMIT + ", was " + limit);
            }
        }
        long maxId = query.contains("maxId") ? Ids.parse("maxId", query.get("maxId")) : Long.MAX_VALUE;
        long sinceId = query.contains("sinceId") ? Ids.parse("sinceId", query.get("sinceId")) : 0;
        return new PageRequest(limit, maxId, sinceId);
    }
}
