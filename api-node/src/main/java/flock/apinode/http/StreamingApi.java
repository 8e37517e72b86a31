package flock.apinode.http;

import flock.apinode.account.Accounts;
import flock.apinode.streaming.Connection;
import flock.apinode.streaming.StreamEvent;
import flock.apinode.streaming.Streams;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/v1/streaming/home}: the token's user's home feed and notifications as server-sent events, held open
 * on a virtual thread of its own that waits on the stream's queue. {@code Last-Event-ID} (or {@code ?lastEventId=}, for
 * clients that cannot set headers) resumes after the last event a client saw.
 */
public final class StreamingApi implements HttpService {
    private static final byte[] OPENED = ": streaming\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.US_ASCII);

    private final Accounts accounts;
    private final Streams streams;

    public StreamingApi(Accounts accounts, Streams streams) {
        this.accounts = accounts;
        this.streams = streams;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/home", this::home);
    }

    private void home(ServerRequest request, ServerResponse response) {
        long userId = Admission.authenticate(request, accounts);
        long lastEventId = lastEventId(request);
        Connection stream = streams.connect(userId, lastEventId);
        try {
            response.status(200)
                    .header(HeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                    .header(HeaderNames.CACHE_CONTROL, "no-cache")
                    .header("X-Accel-Buffering", "no"); // proxies that buffer answers must not hold events back
            long heartbeat = streams.settings().heartbeat().toMillis();
            try (OutputStream out = response.outputStream()) {
                out.write(OPENED);
                out.flush();
                while (!stream.dropped()) {
                    StreamEvent event = stream.next(heartbeat);
                    out.write(event == null ? HEARTBEAT : event.bytes());
                    // Whatever queued meanwhile goes out in the same write: one flush (a system call) per burst.
                    for (StreamEvent more = stream.next(0); more != null; more = stream.next(0)) {
                        out.write(more.bytes());
                    }
                    out.flush();
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // The client went away: its next connection resumes with Last-Event-ID.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            streams.disconnect(stream);
        }
    }

    private static long lastEventId(ServerRequest request) {
        String header =
                request.headers().first(HeaderNames.create("Last-Event-ID")).orElse("");
        String text = header.isBlank() ? request.query().first("lastEventId").orElse("") : header;
        return text.isBlank() ? 0 : Ids.parse("Last-Event-ID", text.trim());
    }
}
