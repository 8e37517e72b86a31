package flock.domain;

/**
 * The one unchecked exception of the domain: a code saying what kind of failure it is and a message
 * written for the person who sent the request ("text: must be at most 280 characters").
 */
public final class FlockException extends RuntimeException {
    private final ErrorCode code;

    public FlockException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static FlockException invalid(String message) {
        return new FlockException(ErrorCode.INVALID_INPUT, message);
    }

    public static FlockException forbidden(String message) {
        return new FlockException(ErrorCode.FORBIDDEN, message);
    }

    public static FlockException notFound(String message) {
        return new FlockException(ErrorCode.NOT_FOUND, message);
    }
}
