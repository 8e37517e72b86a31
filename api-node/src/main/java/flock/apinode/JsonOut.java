package flock.apinode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A minimal streaming JSON writer. Responses are built by hand rather than through a JSON-P builder:
 * a timeline page is the hottest response of the system and this writes it with one StringBuilder and
 * no intermediate tree. Ids are written as strings, as the API contract requires (JavaScript numbers
 * cannot hold 64-bit ids).
 */
final class JsonOut {
    /** A rendered tweet is about 300 bytes; sizing the buffer up front avoids regrowing it per page. */
    static final int BYTES_PER_TWEET = 320;

    private final StringBuilder out;
    private boolean needsComma;

    JsonOut() {
        this(256);
    }

    JsonOut(int expectedLength) {
        out = new StringBuilder(expectedLength);
    }

    JsonOut beginObject() {
        comma();
        out.append('{');
        needsComma = false;
        return this;
    }

    JsonOut endObject() {
        out.append('}');
        needsComma = true;
        return this;
    }

    JsonOut beginArray(String name) {
        name(name);
        out.append('[');
        needsComma = false;
        return this;
    }

    JsonOut endArray() {
        out.append(']');
        needsComma = true;
        return this;
    }

    JsonOut beginObject(String name) {
        name(name);
        out.append('{');
        needsComma = false;
        return this;
    }

    JsonOut field(String name, String value) {
        name(name);
        string(value);
        needsComma = true;
        return this;
    }

    JsonOut field(String name, long value) {
        name(name);
        out.append(value);
        needsComma = true;
        return this;
    }

    JsonOut id(String name, long id) {
        name(name);
        out.append('"').append(id).append('"');
        needsComma = true;
        return this;
    }

    JsonOut time(String name, long epochMillis) {
        return field(name, Instant.ofEpochMilli(epochMillis).toString());
    }

    byte[] toBytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void name(String name) {
        comma();
        string(name);
        out.append(':');
    }

    private void comma() {
        if (needsComma) {
            out.append(',');
        }
    }

    private void string(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
