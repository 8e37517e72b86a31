package flock.domain.tweet;

import java.util.ArrayList;
import java.util.List;

/**
 * The mentions, hashtags and links in a tweet's text, found the same way wherever it is read: at post time (to resolve
 * the handles mentioned) and whenever the tweet is rendered. Offsets count code points, as Flock's length rule does,
 * {@code end} exclusive.
 *
 * <ul>
 *   <li>A mention is {@code @} and a handle's 1-15 of {@code [A-Za-z0-9_]}, not preceded by a letter, digit, {@code _}
 *       or {@code @} (so an e-mail address mentions nobody) and not followed by another handle character.
 *   <li>A hashtag is {@code #} and letters, digits or {@code _} of any script, at least one of them a letter, not
 *       preceded by a letter, digit, {@code _} or {@code &}.
 *   <li>A link starts with {@code http://} or {@code https://} and runs to the next white space, less closing
 *       punctuation at its end.
 * </ul>
 */
public final class TweetEntities {
    /** The longest handle (the sign-up rule). */
    static final int MAX_HANDLE = 15;

    private TweetEntities() {}

    /** A span of the text: code point offsets and what it names. */
    public record Span(int start, int end, String value) {}

    /** Every mention, in text order: {@code value} is the handle as written, without the {@code @}. */
    public static List<Span> mentions(String text) {
        List<Span> found = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != '@' || (i > 0 && (isHandleChar(text.charAt(i - 1)) || text.charAt(i - 1) == '@'))) {
                continue;
            }
            int end = i + 1;
            while (end < text.length() && isHandleChar(text.charAt(end))) {
                end++;
            }
            int length = end - i - 1;
            if (length >= 1 && length <= MAX_HANDLE) {
                found.add(span(text, i, end, text.substring(i + 1, end)));
            }
            i = end - 1;
        }
        return found;
    }

    /** Every hashtag, in text order: {@code value} is the tag as written, without the {@code #}. */
    public static List<Span> hashtags(String text) {
        List<Span> found = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != '#' || (i > 0 && (isTagChar(text.codePointBefore(i)) || text.charAt(i - 1) == '&'))) {
                continue;
            }
            int end = i + 1;
            boolean letter = false;
            while (end < text.length() && isTagChar(text.codePointAt(end))) {
                letter |= Character.isLetter(text.codePointAt(end));
                end += Character.charCount(text.codePointAt(end));
            }
            if (letter) {
                found.add(span(text, i, end, text.substring(i + 1, end)));
            }
            i = end - 1;
        }
        return found;
    }

    /** Every link, in text order: {@code value} is the URL. */
    public static List<Span> urls(String text) {
        List<Span> found = new ArrayList<>();
        int from = 0;
        while (true) {
            int at = nextLink(text, from);
            if (at < 0) {
                return found;
            }
            int end = at;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            while (end > at && ".,;:!?)]}'\"".indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            int scheme = text.startsWith("https://", at) ? 8 : 7;
            if (end > at + scheme) {
                found.add(span(text, at, end, text.substring(at, end)));
            }
            from = Math.max(end, at + scheme);
        }
    }

    private static int nextLink(String text, int from) {
        int http = text.indexOf("http://", from);
        int https = text.indexOf("https://", from);
        if (http < 0 || https < 0) {
            return Math.max(http, https);
        }
        return Math.min(http, https);
    }

    private static Span span(String text, int startChar, int endChar, String value) {
        int start = text.codePointCount(0, startChar);
        return new Span(start, start + text.codePointCount(startChar, endChar), value);
    }

    private static boolean isHandleChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static boolean isTagChar(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || codePoint == '_';
    }
}
