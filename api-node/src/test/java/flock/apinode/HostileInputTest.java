package flock.apinode;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import flock.apinode.http.Responses;
import flock.domain.MapNames;
import io.helidon.common.SerializationConfig;
import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated hostile requests against the API on a real port (over an in-JVM grid): wrong methods, junk ids
 * and cursors, foreign and forged tokens, bodies of the wrong JSON types, deep nesting, huge numbers, control
 * characters, lone surrogates, invalid UTF-8 and oversized payloads. The API never answers 5xx; every 4xx is
 * a problem+json body, and changes nothing in the grid. It found an empty body answered with 500, JSON nested
 * past 1,000 levels answered with 500, and Helidon's own 413 and 400 sent without a body.
 */
class HostileInputTest {
    private static final HazelcastInstance GRID = TestGrid.client();

    static {
        // A server started by hand installs Helidon's JVM-wide deserialization filter, which rejects the Java
        // serialization that the in-JVM members' Jet needs for its job records: the fan-out job of every later
        // test in this JVM would stop. Production never shares a JVM between the two; here the filter stays off.
        SerializationConfig.builder()
                .onNoConfig(SerializationConfig.Action.IGNORE)
                .build()
                .configure();
    }

    private static final WebServer SERVER = WebServer.builder()
            .config(Config.create().get("server"))
            .directHandlers(Main.earlyRefusals())
            .port(0)
            .routing(ApiContractTest::routing)
            .build()
            .start();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The largest JSON body the API reads (Responses.MAX_JSON_BYTES; the server takes more, for media). */
    private static final int MAX_PAYLOAD = Responses.MAX_JSON_BYTES;

    private static final String[] ALICE =
            signUp("hostile_a" + ProcessHandle.current().pid() % 1000);
    private static final String[] BOB =
            signUp("hostile_b" + ProcessHandle.current().pid() % 1000);

    /** One generated request. */
    record Attack(String method, String path, String authorization, String contentType, byte[] body) {
        @Override
        public String toString() {
            return method + " " + path + " auth=" + abbreviate(authorization) + " type=" + contentType + " body="
                    + abbreviate(new String(body, StandardCharsets.UTF_8));
        }
    }

    /**
     * A fixed seed, so that the build is reproducible; six random seeds (3,600 requests) found the three faults
     * this test names and then passed. To explore further, run it with another seed.
     */
    @Property(tries = 600, seed = "-208515985970491063")
    void should_never_fail_with_5xx_and_change_nothing_when_refusing(@ForAll("attacks") Attack attack)
            throws Exception {
        List<Object> before = gridState();

        HttpResponse<String> response = send(attack);

        assertThat(response.statusCode())
                .as("%s -> %s", attack, response.body())
                .isLessThan(500);
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(
                            "%s -> %d %s",
                            attack, response.statusCode(), response.headers().map())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            if (!attack.method().equals("HEAD")) {
                JsonObject problem =
                        Json.createReader(new StringReader(response.body())).readObject();
                assertThat(problem.getInt("status")).isEqualTo(response.statusCode());
                assertThat(problem.getString("detail")).isNotBlank();
            }
            assertThat(gridState()).as("a refused %s changed state", attack).isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<Attack> attacks() {
        return Combinators.combine(methods(), paths(), authorizations(), contentTypes(), bodies())
                .as(Attack::new);
    }

    private static Arbitrary<String> methods() {
        return Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD");
    }

    private static Arbitrary<String> paths() {
        Arbitrary<String> id = ids();
        Arbitrary<String> query = Combinators.combine(
                        Arbitraries.of("limit", "maxId", "sinceId", "limit", "x"), junkValues())
                .as((name, value) -> name + "=" + encode(value))
                .list()
                .ofMaxSize(3)
                .map(pairs -> pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
        Arbitrary<String> path = Combinators.combine(
                        Arbitraries.of(
                                "/api/v1/users",
                                "/api/v1/users/{a}",
                                "/api/v1/users/by-handle/{a}",
                                "/api/v1/users/{a}/following/{b}",
                                "/api/v1/users/{a}/following",
                                "/api/v1/users/{a}/followers",
                                "/api/v1/users/{a}/tweets",
                                "/api/v1/users/{a}/timeline",
                                "/api/v1/users/{a}/token",
                                "/api/v1/tweets",
                                "/api/v1/tweets/{a}",
                                "/api/v1/{a}",
                                "/api/v2/users"),
                        id,
                        id)
                .as((template, a, b) -> template.replace("{a}", encode(a)).replace("{b}", encode(b)));
        return Combinators.combine(path, query).as(String::concat);
    }

    /** Real ids half the time, so that checks past the id's syntax run too. */
    private static Arbitrary<String> ids() {
        return Arbitraries.oneOf(Arbitraries.of(ALICE[0], BOB[0]), Arbitraries.of(ALICE[0], BOB[0]), junkValues());
    }

    private static Arbitrary<String> junkValues() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "0",
                        "-1",
                        "1e3",
                        " 1",
                        "+5",
                        "0x10",
                        "9223372036854775808",
                        "-9223372036854775809",
                        "99999999999999999999999999999",
                        "١٢٣",
                        "..",
                        "../..",
                        "%00",
                        "",
                        "null",
                        "true",
                        "🐦",
                        "a\u0000b",
                        "\u202Eevil",
                        "e\u0301",
                        "101",
                        "20"),
                Arbitraries.strings().ofMaxLength(30),
                Arbitraries.longs().map(String::valueOf));
    }

    private static Arbitrary<String> authorizations() {
        return Arbitraries.of(
                "",
                "Bearer " + ALICE[1],
                "Bearer " + BOB[1],
                "Bearer " + ALICE[0] + ".forged",
                "Bearer " + ALICE[1] + "x",
                "Bearer ",
                "Basic YWxpY2U6c2VjcmV0",
                "bearer " + ALICE[1],
                "Bearer " + "A".repeat(6_000),
                "Bearer 99999999999999999999.x");
    }

    private static Arbitrary<String> contentTypes() {
        return Arbitraries.of(
                "application/json",
                "application/json",
                "application/json; charset=ISO-8859-1",
                "text/plain",
                "application/x-www-form-urlencoded",
                "");
    }

    private static Arbitrary<byte[]> bodies() {
        Arbitrary<String> json = Arbitraries.oneOf(
                jsonObjects(),
                jsonObjects(),
                Arbitraries.of(
                        "",
                        "{",
                        "[]",
                        "null",
                        "\"text\"",
                        "{\"text\":\"a\"}{}",
                        "{\"text\":\"ok\",\"text\":\"twice\"}",
                        "{\"handle\":\"x\",\"displayName\":\"y\"} trailing"),
                Arbitraries.integers().between(1, 20_000).map(HostileInputTest::nested));
        Arbitrary<byte[]> text = json.map(body -> body.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> invalidUtf8 = Arbitraries.of(
                new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        Arbitrary<byte[]> oversized =
                Arbitraries.of(("{\"text\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, text),
                net.jqwik.api.Tuple.of(1, invalidUtf8),
                net.jqwik.api.Tuple.of(1, oversized));
    }

    /** Objects with the API's field names holding values of every JSON type, strings at their edges. */
    private static Arbitrary<String> jsonObjects() {
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.of(
                        "\"\"",
                        "\"   \"",
                        "\"ok_name\"",
                        "\"nul \\u0000 here\"",
                        "\"line\\nbreak\"",
                        "\"\\u0007bell\"",
                        "\"\\ud800 lone\"",
                        "\"\\udfff\\ud800 reversed\"",
                        "\"\\u202e\\u200f rtl\"",
                        "\"e\\u0301\\u0301\\u0301 combining\"",
                        "\"🐦🐦\"",
                        "\"" + "x".repeat(300) + "\"",
                        "\"" + "😀".repeat(281) + "\"",
                        "1e400",
                        "-0",
                        "123456789012345678901234567890",
                        "true",
                        "null",
                        "[]",
                        "[\"1\"]",
                        "[1, 2]",
                        "[\"" + ALICE[0] + "\"]",
                        "{}",
                        "[\"1\",\"2\",\"3\",\"4\",\"5\"]"),
                Arbitraries.strings().ofMaxLength(40).map(s -> Json.createValue(s)
                        .toString()));
        return Combinators.combine(
                        Arbitraries.of("text", "handle", "displayName", "mediaIds", "other")
                                .list()
                                .ofMaxSize(4),
                        values.list().ofSize(4))
                .as((names, chosen) -> {
                    StringBuilder object = new StringBuilder("{");
                    for (int i = 0; i < names.size(); i++) {
                        object.append(i == 0 ? "" : ",")
                                .append('"')
                                .append(names.get(i))
                                .append("\":")
                                .append(chosen.get(i));
                    }
                    return object.append('}').toString();
                });
    }

    private static String nested(int depth) {
        return "{\"text\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
    }

    /** The state a refused request must leave as it was: map sizes and Alice's counts. */
    private static List<Object> gridState() throws IOException, InterruptedException {
        HttpResponse<String> profile = HTTP.send(
                HttpRequest.newBuilder(base().resolve("/api/v1/users/" + ALICE[0]))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return List.of(
                GRID.getMap(MapNames.USERS).size(),
                GRID.getMap(MapNames.HANDLES).size(),
                GRID.getMap(MapNames.CREDENTIALS).size(),
                GRID.getMap(MapNames.TWEETS).size(),
                GRID.getMap(MapNames.FOLLOWING).size(),
                GRID.getMap(MapNames.FOLLOWERS).size(),
                profile.body());
    }

    private static HttpResponse<String> send(Attack attack) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(attack.path()))
                .method(attack.method(), HttpRequest.BodyPublishers.ofByteArray(attack.body()));
        if (!attack.authorization().isEmpty()) {
            request.header("Authorization", attack.authorization());
        }
        if (!attack.contentType().isEmpty()) {
            request.header("Content-Type", attack.contentType());
        }
        if (attack.body().length > MAX_PAYLOAD) {
            // The server refuses from the headers and closes; a client that keeps streaming the body then loses
            // the answer to a broken pipe. Asking first (Expect: 100-continue) is how a client hears the 413.
            request.expectContinue(true);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String[] signUp(String handle) {
        try {
            HttpResponse<String> answer = HTTP.send(
                    HttpRequest.newBuilder(base().resolve("/api/v1/users"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"handle\":\"" + handle + "\",\"displayName\":\"Hostile\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonObject user = Json.createReader(new StringReader(answer.body())).readObject();
            return new String[] {user.getString("id"), user.getString("token")};
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("sign-up for the hostile-input test failed", e);
        }
    }

    private static URI base() {
        return URI.create("http://127.0.0.1:" + SERVER.port());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "... (" + text.length() + " chars)";
    }
}
