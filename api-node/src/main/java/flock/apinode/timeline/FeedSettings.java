package flock.apinode.timeline;

import io.helidon.config.Config;
import java.time.Duration;

/**
 * How home feeds are assembled, from {@code flock.feed} in application.yaml.
 *
 * @param pullThreshold followers above which an account is no longer fanned out on write: its tweets are
 *     merged into followers' pages when they read (Twitter's choice for celebrities)
 * @param markReadEvery how stale a feed's last-read time may get before a read renews it; must be far
 *     below the members' idle eviction ({@code flock.feed.idle-eviction}, 7 days by default)
 */
public record FeedSettings(int pullThreshold, Duration markReadEvery) {
    public static final FeedSettings DEFAULTS = new FeedSettings(10_000, Duration.ofHours(1));

    public FeedSettings {
        if (pullThreshold < 1) {
            throw new IllegalArgumentException("flock.feed.pull-threshold must be at least 1, was " + pullThreshold);
        }
    }

    public static FeedSettings from(Config feed) {
        return new FeedSettings(
                feed.get("pull-threshold").asInt().orElse(DEFAULTS.pullThreshold()),
                feed.get("mark-read-every").as(Duration.class).orElse(DEFAULTS.markReadEvery()));
    }
}
