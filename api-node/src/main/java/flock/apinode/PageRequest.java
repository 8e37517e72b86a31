package flock.apinode;

import flock.domain.FlockException;
import io.helidon.common.parameters.Parameters;

/**
 * The paging parameters every list takes: {@code limit} (1..100, default 20), {@code maxId} (items
 * strictly older) and {@code sinceId} (items strictly newer). Ids are time-ordered, so a cursor is an id.
 */
record PageRequest(int limit, long maxId, long sinceId) {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    static PageRequest from(Parameters query) {
        int limit = DEFAULT_LIMIT;
        if (query.contains("limit")) {
            String text = query.get("limit");
            try {
                limit = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw FlockException.invalid(
                        "limit: must be a whole number from 1 to " + MAX_LIMIT + ", was '" + text + "'");
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw FlockException.invalid("limit: must be from 1 to " + MAX_LIMIT + ", was " + limit);
            }
        }
        long maxId = query.contains("maxId") ? Ids.parse("maxId", query.get("maxId")) : Long.MAX_VALUE;
        long sinceId = query.contains("sinceId") ? Ids.parse("sinceId", query.get("sinceId")) : 0;
        return new PageRequest(limit, maxId, sinceId);
    }
}
