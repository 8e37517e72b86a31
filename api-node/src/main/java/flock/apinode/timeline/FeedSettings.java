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
 * @param headTimeToLive how long a cached feed head ({@link FeedHeads}) answers before it is read again: a backstop,
 *     since the writers' messages keep the heads right; two minutes, longer than a client's poll for new tweets
 *     (every 30-60 s), so that a reader who keeps polling is answered from the head
 * @param headCapacity the most feed heads cached (about 0.5 KB each); 0 turns the cache off
 */
public record FeedSettings(int pullThreshold, Duration markReadEvery, Duration headTimeToLive, int headCapacity) {
    public static final FeedSettings DEFAULTS =
            new FeedSettings(10_000, Duration.ofHours(1), Duration.ofMinutes(2), 200_000);

    public FeedSettings {
        if (pullThreshold < 1) {
            throw new IllegalArgumentException("flock.feed.pull-threshold must be at least 1, was " + pullThreshold);
        }
        if (headCapacity < 0) {
            throw new IllegalArgumentException("flock.feed.head-capacity must not be negative, was " + headCapacity);
        }
    }

    public FeedSettings withPullThreshold(int threshold) {
        return new FeedSettings(threshold, markReadEvery, headTimeToLive, headCapacity);
    }

    public static FeedSettings from(Config feed) {
        return new FeedSettings(
                feed.get("pull-threshold").asInt().orElse(DEFAULTS.pullThreshold()),
                feed.get("mark-read-every").as(Duration.class).orElse(DEFAULTS.markReadEvery()),
                feed.get("head-time-to-live").as(Duration.class).orElse(DEFAULTS.headTimeToLive()),
                feed.get("head-capacity").asInt().orElse(DEFAULTS.headCapacity()));
    }
}
