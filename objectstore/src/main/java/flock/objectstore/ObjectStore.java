package flock.objectstore;

import flock.domain.ErrorCode;
import flock.domain.FlockException;
import io.minio.BucketExistsArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.http.Method;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The object store that holds media bytes, spoken to only through the S3 API (the MinIO client), so any
 * S3-compatible store serves. A store that cannot be reached is a {@link ErrorCode#UNAVAILABLE} fault: 503 with
 * Retry-After, never a silent loss.
 */
public final class ObjectStore {
    private static final Logger LOG = Logger.getLogger(ObjectStore.class.getName());

    /** S3's smallest multipart part; a body of unknown length is sent in parts of this size. */
    static final long PART_BYTES = 5L * 1024 * 1024;

    private final MinioClient client;

    /**
     * Signs GET URLs for the address browsers use. Signing is local arithmetic (the region is given, so the client
     * never asks the store for it): this client sends no request, and the public address need not be reachable
     * from here.
     */
    private final MinioClient presigner;

    private final ObjectStoreSettings settings;
    private volatile boolean bucketReady;

    public ObjectStore(ObjectStoreSettings settings) {
        this.settings = settings;
        this.client = client(settings.endpoint(), settings);
        this.presigner = settings.publicEndpoint().equals(settings.endpoint())
                ? client
                : client(settings.publicEndpoint(), settings);
    }

    private static MinioClient client(String endpoint, ObjectStoreSettings settings) {
        return MinioClient.builder()
                .endpoint(endpoint)
                .credentials(settings.accessKey(), settings.secretKey())
                .region(settings.region())
                .build();
    }

    /**
     * Streams the bytes to the store: one request when the length is known and small, multipart otherwise (MinIO's
     * client decides), never the whole body in the heap.
     *
     * @param length the body's length, or -1 when the client did not say
     */
    public void put(String key, InputStream bytes, long length, String contentType) throws Exception {
        ensureBucket();
        client.putObject(PutObjectArgs.builder().bucket(settings.bucket()).object(key).stream(
                        bytes, length, length < 0 ? PART_BYTES : -1)
                .contentType(contentType)
                .build());
    }

    /** A GET URL for the object, at the store's public address, that anyone may use until it expires. */
    public String presignedGet(String key, java.time.Duration expiry) {
        try {
            return presigner.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                    .method(Method.GET)
                    .bucket(settings.bucket())
                    .object(key)
                    .expiry((int) expiry.toSeconds())
                    .build());
        } catch (Exception e) {
            throw unavailable("sign a media URL", e);
        }
    }

    /** Removes the object; removing one that is not there is done. */
    public void remove(String key) {
        try {
            client.removeObject(RemoveObjectArgs.builder()
                    .bucket(settings.bucket())
                    .object(key)
                    .build());
        } catch (Exception e) {
            throw unavailable("remove a media object", e);
        }
    }

    /** The fault a client sees when the store cannot be reached: 503 with Retry-After. */
    public static FlockException unavailable(String what, Exception cause) {
        LOG.log(Level.WARNING, "object store: could not " + what, cause);
        return new FlockException(ErrorCode.UNAVAILABLE, "the media store is not available right now; retry shortly");
    }

    private void ensureBucket() throws Exception {
        if (bucketReady) {
            return;
        }
        if (!client.bucketExists(
                BucketExistsArgs.builder().bucket(settings.bucket()).build())) {
            client.makeBucket(MakeBucketArgs.builder().bucket(settings.bucket()).build());
        }
        bucketReady = true;
    }
}
