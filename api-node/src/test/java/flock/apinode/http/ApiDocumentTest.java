package flock.apinode.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The API's three descriptions name the same calls: the contract people read (docs/api.md), the OpenAPI document the
 * node serves at /openapi, and the routes the node's metrics know ({@link RouteTemplates}). A route added to one and
 * not the others fails here.
 */
class ApiDocumentTest {
    /** A call in the contract's tables: {@code | `GET /api/v1/users/{id}` |}. */
    private static final Pattern DOCUMENTED = Pattern.compile("^\\| `(GET|PUT|POST|DELETE|PATCH) (/api/v1/\\S*)` \\|");

    private static final Pattern OPENAPI_PATH = Pattern.compile("^  (/\\S*):\\s*$");
    private static final Pattern OPENAPI_METHOD = Pattern.compile("^    (get|put|post|delete|patch):\\s*$");

    @Test
    void should_document_every_call_the_openapi_document_serves_and_no_other() throws IOException {
        Set<String> documented = documentedCalls();
        assertThat(documented).as("calls in docs/api.md").hasSizeGreaterThan(10);
        assertThat(documented).isEqualTo(openApiCalls());
    }

    @Test
    void should_know_every_documented_route_in_the_metrics() throws IOException {
        Set<String> paths = new TreeSet<>();
        for (String call : documentedCalls()) {
            paths.add(call.substring(call.indexOf(' ') + 1));
        }
        assertThat(new TreeSet<>(RouteTemplates.ALL)).isEqualTo(paths);
    }

    private static Set<String> documentedCalls() throws IOException {
        Set<String> calls = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("..", "docs", "api.md"))) {
            Matcher call = DOCUMENTED.matcher(line);
            if (call.find()) {
                calls.add(call.group(1) + " " + call.group(2));
            }
        }
        return calls;
    }

    /** Method and full path of every operation in the served OpenAPI document (its server URL is /api/v1). */
    private static Set<String> openApiCalls() throws IOException {
        Set<String> calls = new TreeSet<>();
        String path = null;
        try (InputStream in = ApiDocumentTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                Matcher pathLine = OPENAPI_PATH.matcher(line);
                Matcher methodLine = OPENAPI_METHOD.matcher(line);
                if (pathLine.matches()) {
                    path = pathLine.group(1);
                } else if (methodLine.matches() && path != null) {
                    calls.add(methodLine.group(1).toUpperCase() + " /api/v1" + path);
                } else if (!line.startsWith(" ") && !line.isBlank()) {
                    path = null; // a new top-level key: the paths are behind
                }
            }
        }
        return calls;
    }
}
