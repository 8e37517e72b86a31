package flock.domain.account;

import flock.domain.FlockException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rules for handles and display names. Handles are unique ignoring case, so the grid keys the
 * {@link flock.domain.MapNames#HANDLES} map by the lower-cased form while the profile keeps the spelling chosen.
 */
public final class Handles {
    /** 1 to 15 of ASCII letters, digits and underscore, as the API contract says. */
    private static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9_]{1,15}");

    /** The longest display name, in code points. */
    public static final int MAX_DISPLAY_NAME = 50;

    private Handles() {}

    /** Returns the handle unchanged if it is valid, otherwise throws saying why. */
    public static String validate(String handle) {
        if (handle == null) {
            throw FlockException.invalid("handle: is required");
        }
        if (!HANDLE.matcher(handle).matches()) {
            throw FlockException.invalid("handle: must be 1 to 15 of the letters A-Z, a-z, digits and _");
        }
        return handle;
    }

    /** The key under which a handle is unique. */
    public static String key(String handle) {
        return handle.toLowerCase(Locale.ROOT);
    }

    /** Returns the display name trimmed if it is valid, otherwise throws saying why. */
    public static String validateDisplayName(String displayName) {
        if (displayName == null) {
            throw FlockException.invalid("displayName: is required");
        }
        String trimmed = displayName.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length == 0 || length > MAX_DISPLAY_NAME) {
            throw FlockException.invalid("displayName: must be 1 to " + MAX_DISPLAY_NAME + " characters");
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw FlockException.invalid("displayName: must not contain control characters");
        }
        return trimmed;
    }
}
