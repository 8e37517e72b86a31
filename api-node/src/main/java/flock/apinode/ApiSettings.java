package flock.apinode;

import flock.apinode.graph.GraphSettings;
import flock.apinode.limits.LimitSettings;
import flock.apinode.media.MediaSettings;
import flock.apinode.streaming.StreamSettings;
import flock.apinode.timeline.FeedSettings;
import io.helidon.config.Config;
import java.util.Optional;

/**
 * Everything under {@code flock} in application.yaml that shapes the API, read once by {@link Main}; tests build
 * their own.
 *
 * @param renderedTweets tweets whose JSON this node keeps rendered ({@code flock.render.kept-tweets}, about 0.4 KB
 *     each; 0 renders every page whole)
 * @param adminToken the bearer token of {@code GET /admin/cluster} ({@code flock.admin.token}, from a Secret in
 *     production); empty turns the admin view off
 * @param streaming the live streams this node holds ({@code flock.streaming})
 */
record ApiSettings(
        FeedSettings feed,
        GraphSettings graph,
        LimitSettings limits,
        MediaSettings media,
        int renderedTweets,
        Optional<String> adminToken,
        StreamSettings streaming) {
    static final int DEFAULT_RENDERED_TWEETS = 100_000;

    ApiSettings {
        if (renderedTweets < 0) {
            throw new IllegalArgumentException("flock.render.kept-tweets must not be negative, was " + renderedTweets);
        }
    }

    static final ApiSettings DEFAULTS = new ApiSettings(
            FeedSettings.DEFAULTS,
            GraphSettings.DEFAULTS,
            LimitSettings.DEFAULTS,
            MediaSettings.DEFAULTS,
            DEFAULT_RENDERED_TWEETS,
            Optional.empty(),
            StreamSettings.DEFAULTS);

    /** Without settings of live streams: the defaults. */
    ApiSettings(
            FeedSettings feed,
            GraphSettings graph,
            LimitSettings limits,
            MediaSettings media,
            int renderedTweets,
            Optional<String> adminToken) {
        this(feed, graph, limits, media, renderedTweets, adminToken, StreamSettings.DEFAULTS);
    }

    static ApiSettings from(Config flock) {
        return new ApiSettings(
                FeedSettings.from(flock.get("feed")),
                GraphSettings.from(flock.get("graph")),
                LimitSettings.from(flock.get("limits")),
                MediaSettings.from(flock.get("media")),
                flock.get("render.kept-tweets").asInt().orElse(DEFAULT_RENDERED_TWEETS),
                flock.get("admin.token").asString().filter(token -> !token.isBlank()),
                StreamSettings.from(flock.get("streaming")));
    }

    ApiSettings withLimits(LimitSettings settings) {
        return new ApiSettings(feed, graph, settings, media, renderedTweets, adminToken, streaming);
    }

    ApiSettings withFeed(FeedSettings settings) {
        return new ApiSettings(settings, graph, limits, media, renderedTweets, adminToken, streaming);
    }

    ApiSettings withStreaming(StreamSettings settings) {
        return new ApiSettings(feed, graph, limits, media, renderedTweets, adminToken, settings);
    }

    ApiSettings withAdminToken(String token) {
        return new ApiSettings(feed, graph, limits, media, renderedTweets, Optional.of(token), streaming);
    }
}
