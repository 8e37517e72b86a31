package flock.apinode;

import io.helidon.config.Config;
import java.time.Duration;

/**
 * Where media bytes go, from {@code flock.media} in application.yaml: any S3-compatible store (MinIO, AWS S3, the
 * local S3Proxy of {@code ./flock up}). The defaults are the local one's.
 *
 * @param urlExpiry how long a presigned URL that {@code GET /api/v1/media/{id}} redirects to stays valid
 */
record MediaSettings(
        String endpoint, String bucket, String region, String accessKey, String secretKey, Duration urlExpiry) {
    static final MediaSettings DEFAULTS = new MediaSettings(
            "http://127.0.0.1:9000", "flock-media", "us-east-1", "flock", "flock-local-secret", Duration.ofMinutes(5));

    MediaSettings {
        if (urlExpiry.toSeconds() < 1 || urlExpiry.toDays() > 7) {
            throw new IllegalArgumentException(
                    "flock.media.url-expiry must be from 1 s to 7 days (S3's limit), was " + urlExpiry);
        }
    }

    static MediaSettings from(Config media) {
        return new MediaSettings(
                media.get("endpoint").asString().orElse(DEFAULTS.endpoint()),
                media.get("bucket").asString().orElse(DEFAULTS.bucket()),
                media.get("region").asString().orElse(DEFAULTS.region()),
                media.get("access-key").asString().orElse(DEFAULTS.accessKey()),
                media.get("secret-key").asString().orElse(DEFAULTS.secretKey()),
                media.get("url-expiry").as(Duration.class).orElse(DEFAULTS.urlExpiry()));
    }

    /** Never the keys: a record's default would print them into the logs. */
    @Override
    public String toString() {
        return "MediaSettings[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + ", urlExpiry="
                + urlExpiry + "]";
    }
}
