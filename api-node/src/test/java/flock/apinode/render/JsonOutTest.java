package flock.apinode.render;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonOutTest {
    private static final long YEAR_ZERO = Instant.parse("0000-01-01T00:00:00Z").toEpochMilli();
    private static final long YEAR_TEN_THOUSAND =
            Instant.parse("+10000-01-01T00:00:00Z").toEpochMilli();

    @Test
    void should_write_the_instant_text_the_jdk_writes() {
        long[] edges = {
            0,
            -1,
            1,
            999,
            1_000,
            60_000,
            86_399_999,
            86_400_000,
            YEAR_ZERO,
            YEAR_ZERO - 1,
            YEAR_TEN_THOUSAND - 1,
            YEAR_TEN_THOUSAND,
            Long.MAX_VALUE / 1_000,
            Long.MIN_VALUE / 1_000,
            Instant.parse("2000-02-29T23:59:59.100Z").toEpochMilli(),
            Instant.parse("1900-03-01T00:00:00Z").toEpochMilli(),
            Instant.parse("2024-12-31T12:00:00.010Z").toEpochMilli()
        };
        for (long millis : edges) {
            assertThat(timeText(millis))
                    .as("%d", millis)
                    .isEqualTo(Instant.ofEpochMilli(millis).toString());
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            long millis = random.nextLong(YEAR_ZERO - 1_000_000_000_000L, YEAR_TEN_THOUSAND + 1_000_000_000_000L);
            if (i % 4 == 0) {
                millis -= Math.floorMod(millis, 1_000); // whole seconds print no fraction
            }
            assertThat(timeText(millis))
                    .as("%d", millis)
                    .isEqualTo(Instant.ofEpochMilli(millis).toString());
        }
    }

    @Test
    void should_write_strings_that_a_json_parser_reads_back_unchanged() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            String value = randomText(random, random.nextInt(0, 40));
            JsonOut json = new JsonOut(4).beginObject().field("v", value).endObject();

            JsonObject parsed =
                    Json.createReader(new ByteArrayInputStream(json.toBytes())).readObject();

            assertThat(parsed.getString("v")).isEqualTo(value);
        }
    }

    @Test
    void should_escape_quotes_backslashes_controls_and_line_separators() {
        String written = new JsonOut()
                .field("v", "a\"b\\c\nd\r\te\u0001\u001f\u2028\u2029\u007f")
                .toString();

        assertThat(written).isEqualTo("\"v\":\"a\\\"b\\\\c\\nd\\r\\te\\u0001\\u001f\\u2028\\u2029\u007f\"");
    }

    @Test
    void should_encode_unicode_as_utf8_and_an_unpaired_surrogate_as_a_question_mark() {
        String text = "é 中 😀 \u05e9\u05dc\u05d5\u05dd e\u0301";
        byte[] written = new JsonOut().field("v", text + "\ud800x").toBytes();

        assertThat(written).isEqualTo(("\"v\":\"" + text + "?x\"").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void should_write_ids_as_strings_and_numbers_as_numbers_at_their_extremes() {
        String written = new JsonOut()
                .beginObject()
                .id("a", Long.MAX_VALUE)
                .id("b", Long.MIN_VALUE)
                .field("c", 0)
                .field("d", -42)
                .field("e", 1_000_000_007L)
                .endObject()
                .toString();

        assertThat(written)
                .isEqualTo("{\"a\":\"9223372036854775807\",\"b\":\"-9223372036854775808\",\"c\":0,\"d\":-42,"
                        + "\"e\":1000000007}");
    }

    private static String timeText(long millis) {
        String written = new JsonOut().time("t", millis).toString();
        return written.substring("\"t\":\"".length(), written.length() - 1);
    }

    /** Text a user might send: ASCII with JSON's specials, controls, accents, CJK, emoji, RTL, separators. */
    private static String randomText(SplittableRandom random, int chars) {
        int[] pool = {
            'a', 'Z', '0', ' ', '"', '\\', '/', '\n', '\t', 0x01, 0x1f, 0x7f, 0xe9, 0x301, 0x5d0, 0x4e2d, 0x2028,
            0x2029, 0xfeff, 0x1f600, 0x1f469, 0x10ffff
        };
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < chars; i++) {
            text.appendCodePoint(pool[random.nextInt(pool.length)]);
        }
        return text.toString();
    }
}
