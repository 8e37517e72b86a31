package flock.objectstore;

import java.util.function.Function;

/**
 * Where media bytes go: any S3-compatible store (MinIO, AWS S3, the local S3Proxy of {@code ./flock up}). Read by the
 * API nodes (uploads, presigned URLs, deletes) and the members (the cleanup of unattached media) from their own
 * configuration, under {@code flock.media}; the defaults are the local store's.
 */
public record ObjectStoreSettings(String endpoint, String bucket, String region, String accessKey, String secretKey) {
    public static final ObjectStoreSettings LOCAL =
            new ObjectStoreSettings("http://127.0.0.1:9000", "flock-media", "us-east-1", "flock", "flock-local-secret");

    /** From keys under {@code flock.media} ({@code endpoint}, {@code access-key}, ...); a missing key keeps LOCAL's. */
    public static ObjectStoreSettings from(Function<String, String> lookup) {
        return new ObjectStoreSettings(
                or(lookup.apply("endpoint"), LOCAL.endpoint),
                or(lookup.apply("bucket"), LOCAL.bucket),
                or(lookup.apply("region"), LOCAL.region),
                or(lookup.apply("access-key"), LOCAL.accessKey),
                or(lookup.apply("secret-key"), LOCAL.secretKey));
    }

    /** Never the keys: a record's default would print them into the logs. */
    @Override
    public String toString() {
        return "ObjectStoreSettings[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + "]";
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
