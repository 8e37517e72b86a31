package flock.domain.tweet;

import flock.domain.FlockException;
import java.text.Normalizer;

/**
 * The rules a tweet's text must meet: 1 to 280 Unicode code points after NFC normalisation, and no
 * control characters other than newline. Counting code points (not UTF-16 units) makes an emoji count
 * as one character, as people expect; NFC makes "é" typed two ways count the same.
 */
public final class TweetText {
    /** The longest text, in code points after NFC normalisation. */
    public static final int MAX_CODE_POINTS = 280;

    private TweetText() {}

    /** Returns the normalised text, or throws {@link FlockException} saying what is wrong with it. */
    public static String normalize(String raw) {
        if (raw == null) {
            throw FlockException.invalid("text: is required");
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
        int length = text.codePointCount(0, text.length());
        if (length == 0 || text.isBlank()) {
            throw FlockException.invalid("text: must not be empty or only white space");
        }
        if (length > MAX_CODE_POINTS) {
            throw FlockException.invalid("text: must be at most " + MAX_CODE_POINTS + " characters, was " + length);
        }
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (codePoint != '\n' && (Character.isISOControl(codePoint) || isUnpairedSurrogate(codePoint))) {
                throw FlockException.invalid(
                        String.format("text: control character U+%04X at position %d is not allowed", codePoint, i));
            }
            i += Character.charCount(codePoint);
        }
        return text;
    }

    private static boolean isUnpairedSurrogate(int codePoint) {
        return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
    }
}
