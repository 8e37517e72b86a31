package flock.apinode.http;

import flock.domain.FlockException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.CharArrayReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads request bodies into JSON objects and their fields, turning every malformed or mistyped input
 * into a {@link FlockException} whose message names the field and what was expected.
 */
final class JsonIn {
    /** One factory for the process: {@code Json.createReader} looks the provider up on every call. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private JsonIn() {}

    static JsonObject object(byte[] body) {
        if (body.length == 0) {
            throw FlockException.invalid("body: a JSON object is required");
        }
        Reader text = strictUtf8(body);
        JsonValue value;
        try (JsonReader reader = READERS.createReader(text)) {
            value = reader.readValue();
        } catch (RuntimeException e) {
            // JsonException mostly; Parsson throws a plain RuntimeException for nesting past 1,000 levels
            // (found by HostileInputTest).
            throw FlockException.invalid("body: not valid JSON (" + e.getMessage() + ")");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw FlockException.invalid("body: must be a JSON object, was " + describe(value));
        }
        return value.asJsonObject();
    }

    /**
     * The body's characters, refusing bytes that are not UTF-8 (RFC 8259 allows no other encoding): a lenient
     * decoder would store U+FFFD in their place, and the client would never learn that its text was changed.
     */
    private static Reader strictUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length); // UTF-8 never decodes to more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw FlockException.invalid(
                    "body: not valid UTF-8 (an invalid byte sequence at offset " + in.position() + ")");
        }
        return new CharArrayReader(out.array(), 0, out.position());
    }

    /** A required string field. */
    static String string(JsonObject object, String field) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw FlockException.invalid(field + ": is required");
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw FlockException.invalid(field + ": must be a string, was " + describe(value));
        }
        return ((JsonString) value).getString();
    }

    /** An optional id string; absent or null reads as 0, which names nothing. */
    static long optionalId(JsonObject object, String field) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return 0;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw FlockException.invalid(field + ": must be an id string, was " + describe(value));
        }
        return Ids.parse(field, ((JsonString) value).getString());
    }

    /** An optional array of id strings; absent or null reads as empty. */
    static long[] ids(JsonObject object, String field) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return new long[0];
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw FlockException.invalid(field + ": must be an array of id strings, was " + describe(value));
        }
        JsonArray array = value.asJsonArray();
        long[] ids = new long[array.size()];
        for (int i = 0; i < ids.length; i++) {
            JsonValue item = array.get(i);
            if (item.getValueType() != JsonValue.ValueType.STRING) {
                throw FlockException.invalid(field + "[" + i + "]: must be an id string, was " + describe(item));
            }
            ids[i] = Ids.parse(field + "[" + i + "]", ((JsonString) item).getString());
        }
        return ids;
    }

    private static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }
}
