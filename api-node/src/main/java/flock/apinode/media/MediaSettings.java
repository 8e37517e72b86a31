package flock.apinode.media;

import flock.objectstore.ObjectStoreSettings;
import io.helidon.config.Config;
import java.time.Duration;

/**
 * The API node's media settings, from {@code flock.media} in application.yaml: the object store, and how long the
 * presigned URL that {@code GET /api/v1/media/{id}} redirects to stays valid.
 */
public record MediaSettings(ObjectStoreSettings store, Duration urlExpiry) {
    public static final MediaSettings DEFAULTS = new MediaSettings(ObjectStoreSettings.LOCAL, Duration.ofMinutes(5));

    public MediaSettings {
        if (urlExpiry.toSeconds() < 1 || urlExpiry.toDays() > 7) {
            throw new IllegalArgumentException(
                    "flock.media.url-expiry must be from 1 s to 7 days (S3's limit), was " + urlExpiry);
        }
    }

    public static MediaSettings from(Config media) {
        return new MediaSettings(
                ObjectStoreSettings.from(key -> media.get(key).asString().orElse(null)),
                media.get("url-expiry").as(Duration.class).orElse(DEFAULTS.urlExpiry()));
    }
}
