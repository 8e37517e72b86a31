package flock.objectstore;

import java.util.function.Function;

/**
 * Where media bytes go: any S3-compatible store (MinIO, AWS S3, the local S3Proxy of {@code ./flock up}). Read by the
 * API nodes (uploads, presigned URLs, deletes) and the members (the cleanup of unattached media) from their own
 * configuration, under {@code flock.media}; the defaults are the local store's.
 *
 * @param publicEndpoint where browsers reach the store, for the presigned URLs the API redirects them to: in a cluster
 *     the nodes use an internal address (a Kubernetes service) that no browser can, and a presigned URL is signed for
 *     the host it names, so it must be signed for the public one
 */
public record ObjectStoreSettings(
        String endpoint, String bucket, String region, String accessKey, String secretKey, String publicEndpoint) {
    public static final ObjectStoreSettings LOCAL = new ObjectStoreSettings(
            "http://127.0.0.1:9000",
            "flock-media",
            "us-east-1",
            "flock",
            "flock-local-secret",
            "http://127.0.0.1:9000");

    /** A store that browsers reach at the same address as Flock's nodes do. */
    public ObjectStoreSettings(String endpoint, String bucket, String region, String accessKey, String secretKey) {
        this(endpoint, bucket, region, accessKey, secretKey, endpoint);
    }

    /**
     * From keys under {@code flock.media} ({@code endpoint}, {@code access-key}, ...); a missing key keeps LOCAL's, and
     * a missing {@code public-endpoint} is the endpoint itself.
     */
    public static ObjectStoreSettings from(Function<String, String> lookup) {
        String endpoint = or(lookup.apply("endpoint"), LOCAL.endpoint);
        return new ObjectStoreSettings(
                endpoint,
                or(lookup.apply("bucket"), LOCAL.bucket),
                or(lookup.apply("region"), LOCAL.region),
                or(lookup.apply("access-key"), LOCAL.accessKey),
                or(lookup.apply("secret-key"), LOCAL.secretKey),
                or(lookup.apply("public-endpoint"), endpoint));
    }

    /** Never the keys: a record's default would print them into the logs. */
    @Override
    public String toString() {
        return "ObjectStoreSettings[endpoint=" + endpoint + ", publicEndpoint=" + publicEndpoint + ", bucket=" + bucket
                + ", region=" + region + "]";
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
