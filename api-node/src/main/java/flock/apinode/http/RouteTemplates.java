package flock.apinode.http;

import java.util.List;

/**
 * The API's routes as templates ({@code /api/v1/users/{id}/timeline}), so that request metrics are kept per route and
 * not per path: a path carries ids, and a metric per id would grow without bound. Any path that is no route of the
 * API (a 404, a hostile probe) is {@link #OTHER}, for the same reason. Matching walks the path in place: it runs on
 * every request.
 */
final class RouteTemplates {
    static final List<String> ALL = List.of(
            "/api/v1/users",
            "/api/v1/users/by-handle/{handle}",
            "/api/v1/users/{id}",
            "/api/v1/users/{id}/following",
            "/api/v1/users/{id}/followers",
            "/api/v1/users/{id}/following/{targetId}",
            "/api/v1/users/{id}/blocking",
            "/api/v1/users/{id}/blocking/{targetId}",
            "/api/v1/users/{id}/muting",
            "/api/v1/users/{id}/muting/{targetId}",
            "/api/v1/users/{id}/relationships",
            "/api/v1/users/{id}/tweets",
            "/api/v1/users/{id}/timeline",
            "/api/v1/users/{id}/token",
            "/api/v1/users/{id}/likes",
            "/api/v1/tweets",
            "/api/v1/tweets/{id}",
            "/api/v1/tweets/{id}/like",
            "/api/v1/tweets/{id}/likers",
            "/api/v1/tweets/{id}/repost",
            "/api/v1/tweets/{id}/replies",
            "/api/v1/tweets/{id}/context",
            "/api/v1/notifications",
            "/api/v1/notifications/unread",
            "/api/v1/notifications/read",
            "/api/v1/streaming/home",
            "/api/v1/media",
            "/api/v1/media/{id}");

    /** The index past the routes: every other path. */
    static final int OTHER = ALL.size();

    private static final String[][] SEGMENTS =
            ALL.stream().map(template -> template.substring(1).split("/")).toArray(String[][]::new);

    private RouteTemplates() {}

    /** The index in {@link #ALL} of the route the path matches, or {@link #OTHER}. */
    static int match(String path) {
        for (int route = 0; route < SEGMENTS.length; route++) {
            if (matches(SEGMENTS[route], path)) {
                return route;
            }
        }
        return OTHER;
    }

    static String name(int route) {
        return route == OTHER ? "other" : ALL.get(route);
    }

    private static boolean matches(String[] segments, String path) {
        int at = path.startsWith("/") ? 1 : 0;
        int end = -1;
        for (String segment : segments) {
            if (at > path.length()) {
                return false;
            }
            end = path.indexOf('/', at);
            if (end < 0) {
                end = path.length();
            }
            boolean placeholder = segment.startsWith("{");
            if (placeholder
                    ? end == at
                    : !path.regionMatches(at, segment, 0, segment.length()) || end - at != segment.length()) {
                return false;
            }
            at = end + 1;
        }
        return end == path.length(); // nothing left over, not even a trailing slash
    }
}
