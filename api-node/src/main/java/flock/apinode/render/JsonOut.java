package flock.apinode.render;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * A minimal streaming JSON writer that writes UTF-8 bytes straight into one growing array. A timeline page
 * is the hottest response of the system: a profile of the read path put a third of the API node's time in
 * rendering it when this went through a StringBuilder, a String and its UTF-8 copy, and Instant.toString.
 * Ids are written as strings, as the API contract requires (JavaScript numbers cannot hold 64-bit ids).
 */
public final class JsonOut {
    /** A rendered tweet is about 300 bytes; sizing the buffer up front avoids regrowing it per page. */
    public static final int BYTES_PER_TWEET = 320;

    /** The most bytes one UTF-16 char can become: a control character or U+2028 escaped as six ASCII chars. */
    private static final int MAX_BYTES_PER_CHAR = 6;

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] out;
    private int length;
    private boolean needsComma;

    public JsonOut() {
        this(256);
    }

    public JsonOut(int expectedLength) {
        out = new byte[expectedLength];
    }

    public JsonOut beginObject() {
        comma();
        put('{');
        needsComma = false;
        return this;
    }

    public JsonOut endObject() {
        put('}');
        needsComma = true;
        return this;
    }

    public JsonOut beginArray(String name) {
        name(name);
        put('[');
        needsComma = false;
        return this;
    }

    public JsonOut endArray() {
        put(']');
        needsComma = true;
        return this;
    }

    public JsonOut beginObject(String name) {
        name(name);
        put('{');
        needsComma = false;
        return this;
    }

    public JsonOut field(String name, String value) {
        name(name);
        string(value);
        needsComma = true;
        return this;
    }

    public JsonOut field(String name, long value) {
        name(name);
        number(value);
        needsComma = true;
        return this;
    }

    public JsonOut field(String name, boolean value) {
        name(name);
        ascii(value ? "true" : "false");
        needsComma = true;
        return this;
    }

    public JsonOut id(String name, long id) {
        name(name);
        put('"');
        number(id);
        put('"');
        needsComma = true;
        return this;
    }

    /** A value already written as JSON (a rendered tweet), copied as it is. */
    public JsonOut raw(String name, byte[] json) {
        name(name);
        room(json.length);
        System.arraycopy(json, 0, out, length, json.length);
        length += json.length;
        needsComma = true;
        return this;
    }

    /** An array element already written as JSON. */
    public JsonOut rawValue(byte[] json) {
        comma();
        room(json.length);
        System.arraycopy(json, 0, out, length, json.length);
        length += json.length;
        needsComma = true;
        return this;
    }

    /** The instant as ISO-8601 UTC, the text {@link Instant#toString()} gives for it. */
    public JsonOut time(String name, long epochMillis) {
        name(name);
        put('"');
        IsoInstant.write(this, epochMillis);
        put('"');
        needsComma = true;
        return this;
    }

    public byte[] toBytes() {
        return Arrays.copyOf(out, length);
    }

    @Override
    public String toString() {
        return new String(out, 0, length, StandardCharsets.UTF_8);
    }

    private void name(String name) {
        comma();
        string(name);
        put(':');
    }

    private void comma() {
        if (needsComma) {
            put(',');
        }
    }

    public void put(char ascii) {
        room(1);
        out[length++] = (byte) ascii;
    }

    /** Writes {@code value} as {@code digits} decimal digits, zero-padded; the caller knows it fits. */
    public void digits(int value, int digits) {
        room(digits);
        for (int i = length + digits - 1; i >= length; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += digits;
    }

    /** Text known to be plain ASCII without characters JSON escapes (a fallback date). */
    public void ascii(String text) {
        room(text.length());
        for (int i = 0; i < text.length(); i++) {
            out[length++] = (byte) text.charAt(i);
        }
    }

    private void number(long value) {
        if (value == Long.MIN_VALUE) { // has no positive twin to print
            ascii(Long.toString(value));
            return;
        }
        room(20);
        if (value < 0) {
            out[length++] = '-';
            value = -value;
        }
        int end = length + digitCount(value);
        for (int i = end - 1; i >= length; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length = end;
    }

    private static int digitCount(long positive) {
        int count = 1;
        while (positive >= 10) {
            positive /= 10;
            count++;
        }
        return count;
    }

    /**
     * A JSON string in UTF-8. Plain ASCII, nearly every char of a page, is one comparison and one store.
     * Line and paragraph separators are escaped too, so the output is also valid JavaScript; an unpaired
     * surrogate becomes '?', as the JDK's own UTF-8 encoder makes it.
     */
    private void string(String value) {
        room(value.length() * MAX_BYTES_PER_CHAR + 2);
        byte[] bytes = out;
        int at = length;
        bytes[at++] = '"';
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x80) {
                if (c == '"' || c == '\\') {
                    bytes[at++] = '\\';
                }
                bytes[at++] = (byte) c;
            } else if (c < 0x20) {
                at = control(bytes, at, c);
            } else if (c < 0x800) {
                bytes[at++] = (byte) (0xC0 | c >> 6);
                bytes[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, value.charAt(++i));
                bytes[at++] = (byte) (0xF0 | codePoint >> 18);
                bytes[at++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                bytes[at++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                bytes[at++] = (byte) (0x80 | codePoint & 0x3F);
            } else if (Character.isSurrogate(c)) {
                bytes[at++] = '?';
            } else if (c == 0x2028 || c == 0x2029) {
                at = unicodeEscape(bytes, at, c);
            } else {
                bytes[at++] = (byte) (0xE0 | c >> 12);
                bytes[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        bytes[at++] = '"';
        length = at;
    }

    private static int control(byte[] bytes, int at, char c) {
        char shortForm =
                switch (c) {
                    case '\n' -> 'n';
                    case '\r' -> 'r';
                    case '\t' -> 't';
                    default -> 0;
                };
        if (shortForm == 0) {
            return unicodeEscape(bytes, at, c);
        }
        bytes[at++] = '\\';
        bytes[at++] = (byte) shortForm;
        return at;
    }

    private static int unicodeEscape(byte[] bytes, int at, char c) {
        bytes[at++] = '\\';
        bytes[at++] = 'u';
        bytes[at++] = HEX[c >> 12 & 0xF];
        bytes[at++] = HEX[c >> 8 & 0xF];
        bytes[at++] = HEX[c >> 4 & 0xF];
        bytes[at++] = HEX[c & 0xF];
        return at;
    }

    private void room(int more) {
        if (length + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, length + more));
        }
    }
}
