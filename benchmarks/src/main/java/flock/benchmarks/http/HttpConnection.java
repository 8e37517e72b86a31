package flock.benchmarks.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * One keep-alive HTTP/1.1 connection that sends pre-encoded requests and reads responses to the end,
 * counting body bytes. Written for the load generator: no allocation per request beyond the socket's own,
 * so the generator spends its share of the two cores on sending, not on an HTTP library.
 */
final class HttpConnection implements AutoCloseable {
    private final InetSocketAddress address;
    private final byte[] line = new byte[8192];
    /** Bytes read from the socket and not yet consumed: {@code buffer[position..limit)}. */
    private final byte[] buffer = new byte[65_536];

    private int position;
    private int limit;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** The status and body length of the last response. */
    int status;

    int bodyBytes;

    HttpConnection(InetSocketAddress address) {
        this.address = address;
    }

    /** Sends one request and reads its whole response; reconnects once if the server had closed the line. */
    void exchange(byte[] request) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            out.write(request);
            out.flush();
            readResponse();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(address, 5_000);
        socket.setSoTimeout(30_000);
        in = socket.getInputStream();
        position = 0;
        limit = 0;
        out = socket.getOutputStream();
    }

    private void readResponse() throws IOException {
        int length = readLine();
        if (length < 12) {
            throw new IOException("malformed status line");
        }
        status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
        long contentLength = -1;
        boolean chunked = false;
        boolean close = false;
        while ((length = readLine()) > 0) {
            if (startsWithIgnoreCase(length, "content-length:")) {
                contentLength = parseDecimal(15, length);
            } else if (startsWithIgnoreCase(length, "transfer-encoding:") && contains(length, "chunked")) {
                chunked = true;
            } else if (startsWithIgnoreCase(length, "connection:") && contains(length, "close")) {
                close = true;
            }
        }
        if (chunked) {
            bodyBytes = readChunked();
        } else if (contentLength >= 0) {
            skip(contentLength);
            bodyBytes = (int) contentLength;
        } else {
            throw new IOException("response with neither Content-Length nor chunked encoding");
        }
        if (close) {
            close();
        }
    }

    private int readChunked() throws IOException {
        int total = 0;
        while (true) {
            int length = readLine();
            int size = 0;
            for (int i = 0; i < length && line[i] != ';'; i++) {
                size = size * 16 + Character.digit(line[i], 16);
            }
            if (size == 0) {
                while (readLine() > 0) {
                    // trailers, if any
                }
                return total;
            }
            skip(size);
            total += size;
            readLine(); // the CRLF after the chunk
        }
    }

    private void skip(long count) throws IOException {
        long left = count;
        while (left > 0) {
            if (position == limit) {
                fill();
            }
            int taken = (int) Math.min(left, limit - position);
            position += taken;
            left -= taken;
        }
    }

    /** Reads one CRLF-terminated line into {@code line}; answers its length without the CRLF. */
    private int readLine() throws IOException {
        int length = 0;
        while (true) {
            if (position == limit) {
                fill();
            }
            byte b = buffer[position++];
            if (b == '\n') {
                return length > 0 && line[length - 1] == '\r' ? length - 1 : length;
            }
            if (length < line.length) {
                line[length++] = b;
            }
        }
    }

    /** One read from the socket, as much as it has: a whole response is usually one call. */
    private void fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        if (read < 0) {
            throw new EOFException("connection closed by the server");
        }
        position = 0;
        limit = read;
    }

    private boolean startsWithIgnoreCase(int length, String prefix) {
        if (length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (Character.toLowerCase(line[i]) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean contains(int length, String word) {
        return new String(line, 0, length, java.nio.charset.StandardCharsets.US_ASCII)
                .toLowerCase()
                .contains(word);
    }

    private long parseDecimal(int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            if (line[i] >= '0' && line[i] <= '9') {
                value = value * 10 + (line[i] - '0');
            }
        }
        return value;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a dead connection: nothing more to do
            }
            socket = null;
        }
    }
}
