package flock.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports on 127.0.0.1 that nothing listens on now, so tests never collide with other processes. */
public final class FreePorts {
    private FreePorts() {}

    public static int next() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port whose successor is free too (Cassandra's native and storage ports, a member's range). */
    public static int nextPair() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = next();
            if (port < 65_000 && isFree(port + 1)) {
                return port;
            }
        }
        throw new IllegalStateException("no two consecutive free ports found on 127.0.0.1");
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
