package flock.domain;

/**
 * What went wrong, independent of transport. The API node maps each code to an HTTP status in one place.
 */
public enum ErrorCode {
    INVALID_INPUT,
    NOT_FOUND,
    CONFLICT,
    TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
    UNAUTHORIZED,
    FORBIDDEN,
    TOO_MANY_REQUESTS,
    UNAVAILABLE
}
