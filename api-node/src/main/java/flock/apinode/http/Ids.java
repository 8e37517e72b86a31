package flock.apinode.http;

import flock.domain.FlockException;

/** Parses the decimal id strings of the API (path segments, cursors, body fields). */
public final class Ids {
    /** Longest decimal form of a positive 64-bit id. */
    private static final int MAX_DIGITS = 19;

    private Ids() {}

    public static long parse(String field, String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_DIGITS) {
            throw FlockException.invalid(field + ": must be an id (a decimal number of 1 to 19 digits)");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw FlockException.invalid(field + ": must be an id (a decimal number), was '" + text + "'");
            }
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw FlockException.invalid(field + ": is too large for an id");
        }
    }
}
