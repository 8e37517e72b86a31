package flock.apinode.streaming;

import io.helidon.config.Config;
import java.time.Duration;

/**
 * How many live streams one API node holds and how each behaves, under {@code flock.streaming} in application.yaml.
 *
 * @param maxConnections streams this node holds at once; one more is answered 503 with Retry-After
 *     ({@code max-connections})
 * @param queuedEvents events one stream may have waiting for its client; a client that falls this far behind is
 *     dropped, and resumes with Last-Event-ID ({@code queued-events})
 * @param heartbeat how often an idle stream sends a comment, so that proxies keep it open ({@code heartbeat-seconds})
 */
public record StreamSettings(int maxConnections, int queuedEvents, Duration heartbeat) {
    public static final StreamSettings DEFAULTS = new StreamSettings(10_000, 1_000, Duration.ofSeconds(15));

    public StreamSettings {
        if (maxConnections < 0 || queuedEvents < 1 || heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("flock.streaming: max-connections >= 0, queued-events >= 1 and"
                    + " heartbeat-seconds >= 1, were " + maxConnections + ", " + queuedEvents + ", " + heartbeat);
        }
    }

    public static StreamSettings from(Config streaming) {
        return new StreamSettings(
                streaming.get("max-connections").asInt().orElse(DEFAULTS.maxConnections()),
                streaming.get("queued-events").asInt().orElse(DEFAULTS.queuedEvents()),
                Duration.ofSeconds(streaming
                        .get("heartbeat-seconds")
                        .asLong()
                        .orElse(DEFAULTS.heartbeat().toSeconds())));
    }
}
