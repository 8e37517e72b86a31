package flock.benchmarks.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a one-connection server that takes a fixed 20 ms per request: requests sent faster than that
 * must queue, and an open-loop generator must show the queueing in its latencies, not hide it. An integration test,
 * not a unit test: it runs a real socket server in real time, and its bounds are about elapsed time, so they are
 * kept wide (a busy 2-core machine stretches 20 ms) and run where the real processes' tests run.
 */
class LoadGeneratorIT {
    private static final int SERVICE_MILLIS = 20;
    private static final byte[] BODY = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);

    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Length: " + BODY.length + "\r\n\r\n"
                    + new String(BODY, StandardCharsets.US_ASCII))
            .getBytes(StandardCharsets.US_ASCII);

    /** What the server answers a request whose path names {@code /refused}. */
    private static final byte[] REFUSED =
            "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private ServerSocket server;

    @BeforeEach
    void startSlowServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(this::serve);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void should_count_every_request_and_its_body_when_the_server_keeps_up() {
        LoadGenerator generator = new LoadGenerator(address(), 1);

        LoadResult result = generator.atRate(random -> Request.get("home", "/x", "t"), 20, Duration.ofSeconds(1));

        assertThat(result.completed())
                .as("20 due in the second, a late one or two cut off")
                .isBetween(15L, 21L);
        assertThat(result.errors()).isZero();
        assertThat(result.meanBodyBytes()).isEqualTo(BODY.length);
        assertThat(result.byKind()).containsOnlyKeys("home");
        assertThat(result.millis(50))
                .as("about the service time, nothing queued")
                .isLessThan(SERVICE_MILLIS * 5);
    }

    @Test
    void should_count_queueing_from_when_each_request_was_due() {
        LoadGenerator generator = new LoadGenerator(address(), 1);

        // 100 requests a second into a server that does 50: by the end, requests wait about half a second.
        LoadResult result = generator.atRate(random -> Request.get("home", "/x", null), 100, Duration.ofSeconds(1));

        assertThat(result.millis(99))
                .as("a closed-loop measure would say 20 ms; the backlog makes it several hundred")
                .isGreaterThan(300);
        assertThat(result.throughput()).isLessThan(70);
    }

    @Test
    void should_name_each_failure_by_its_kind_and_status() {
        LoadGenerator generator = new LoadGenerator(address(), 1);

        LoadResult result = generator.atRate(
                random ->
                        random.nextBoolean() ? Request.get("home", "/x", null) : Request.put("like", "/refused", null),
                20,
                Duration.ofSeconds(1));

        assertThat(result.errors()).as("about half of some 20 requests").isPositive();
        assertThat(result.failures()).containsOnlyKeys("like 503");
        assertThat(result.failures().get("like 503")).isEqualTo(result.errors());
    }

    private InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    /** Keep-alive HTTP/1.1, one connection at a time, a fixed delay before each answer. */
    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setTcpNoDelay(true);
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = socket.getOutputStream();
                String line;
                String requestLine = null;
                while ((line = in.readLine()) != null) {
                    if (!line.isEmpty()) {
                        requestLine = requestLine == null ? line : requestLine;
                        continue; // request line and headers; the requests here have no body
                    }
                    Thread.sleep(SERVICE_MILLIS); // the server's service time, which the test is about
                    // One write: a second would wait on the client's delayed ACK.
                    out.write(requestLine != null && requestLine.contains("/refused") ? REFUSED : RESPONSE);
                    out.flush();
                    requestLine = null;
                }
            } catch (IOException | InterruptedException e) {
                // the test closed the server, or the generator its connection
            }
        }
    }
}
