package flock.apinode;

import flock.apinode.graph.GraphSettings;
import flock.apinode.limits.LimitSettings;
import flock.apinode.media.MediaSettings;
import flock.apinode.timeline.FeedSettings;
import io.helidon.config.Config;
import java.util.Optional;

/**
 * Everything under {@code flock} in application.yaml that shapes the API, read once by {@link Main}; tests build
 * their own.
 *
 * @param adminToken the bearer token of {@code GET /admin/cluster} ({@code flock.admin.token}, from a Secret in
 *     production); empty turns the admin view off
 */
record ApiSettings(
        FeedSettings feed,
        GraphSettings graph,
        LimitSettings limits,
        MediaSettings media,
        Optional<String> adminToken) {
    static final ApiSettings DEFAULTS = new ApiSettings(
            FeedSettings.DEFAULTS,
            GraphSettings.DEFAULTS,
            LimitSettings.DEFAULTS,
            MediaSettings.DEFAULTS,
            Optional.empty());

    static ApiSettings from(Config flock) {
        return new ApiSettings(
                FeedSettings.from(flock.get("feed")),
                GraphSettings.from(flock.get("graph")),
                LimitSettings.from(flock.get("limits")),
                MediaSettings.from(flock.get("media")),
                flock.get("admin.token").asString().filter(token -> !token.isBlank()));
    }

    ApiSettings withLimits(LimitSettings settings) {
        return new ApiSettings(feed, graph, settings, media, adminToken);
    }

    ApiSettings withAdminToken(String token) {
        return new ApiSettings(feed, graph, limits, media, Optional.of(token));
    }
}
