package flock.mapstores;

/**
 * The one exception of this module: a write or read against Cassandra failed. Hazelcast sees it thrown
 * from a MapStore and keeps the entries queued for another attempt.
 */
public final class StoreFailedException extends RuntimeException {
    public StoreFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
