package flock.apinode.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The web client: a single page in plain HTML, CSS and JavaScript (no build step), served at {@code /} from the API
 * node's class path. The three files are read once at start and answered from memory with an ETag, so a reload costs
 * a 304. The page talks to the REST API on the same origin, so it needs no CORS.
 */
public final class WebClientFiles implements HttpService {
    private record WebFile(byte[] bytes, String contentType, String etag) {}

    /** What the page may load: its own files and API, the media it shows (presigned URLs of the object store). */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' blob: http: https:;"
            + " media-src 'self' blob: http: https:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private final Map<String, WebFile> files = Map.of(
            "/", load("index.html", "text/html; charset=utf-8"),
            "/app.js", load("app.js", "text/javascript; charset=utf-8"),
            "/app.css", load("app.css", "text/css; charset=utf-8"));

    @Override
    public void routing(HttpRules rules) {
        for (String path : files.keySet()) {
            rules.get(path, (request, response) -> serve(files.get(path), request, response));
        }
    }

    private static void serve(WebFile file, ServerRequest request, ServerResponse response) {
        response.header(HeaderNames.ETAG, file.etag())
                .header(HeaderValues.create("Cache-Control", "no-cache"))
                .header(HeaderValues.create("Content-Security-Policy", CONTENT_SECURITY_POLICY))
                .header(HeaderValues.create("X-Content-Type-Options", "nosniff"));
        boolean unchanged = request.headers()
                .first(HeaderNames.IF_NONE_MATCH)
                .map(file.etag()::equals)
                .orElse(false);
        if (unchanged) {
            response.status(304).send();
            return;
        }
        response.header(HeaderNames.CONTENT_TYPE, file.contentType()).send(file.bytes());
    }

    private static WebFile load(String name, String contentType) {
        try (InputStream in = WebClientFiles.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the web client's " + name + " is missing from the class path");
            }
            byte[] bytes = in.readAllBytes();
            String hash = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            return new WebFile(bytes, contentType, "\"" + hash.substring(0, 16) + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
