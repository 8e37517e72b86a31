package flock.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Ports on 127.0.0.1 that nothing listens on now, so tests never collide with other processes.
 *
 * <p>They come from below Linux's ephemeral range (32768-60999 by default). A port the kernel hands out for
 * {@code bind(0)} is one it may also give, a moment later, to any outgoing connection on the machine (a
 * Cassandra driver, a grid client): the server meant to listen on it then fails to start. A port under the
 * range is never taken that way, only by a server that asks for it by number. The search starts at an offset
 * drawn from the process id, so two JVMs handing out ports at once rarely try the same ones, and a port is
 * never handed out twice by one JVM.
 */
public final class FreePorts {
    static final int LOWEST = 15_000;
    static final int HIGHEST = 32_000;
    private static final int SPAN = HIGHEST - LOWEST;

    private static final Set<Integer> HANDED_OUT = new HashSet<>();
    private static int cursor = (int) (ProcessHandle.current().pid() * 7_919 % SPAN);

    private FreePorts() {}

    public static int next() {
        return find(1);
    }

    /** A port whose successor is free too (Cassandra's native and storage ports, a member's range). */
    public static int nextPair() {
        return find(2);
    }

    private static synchronized int find(int consecutive) {
        for (int attempt = 0; attempt < SPAN; attempt++) {
            int port = LOWEST + cursor;
            cursor = (cursor + consecutive) % (SPAN - consecutive);
            if (allFree(port, consecutive)) {
                for (int i = 0; i < consecutive; i++) {
                    HANDED_OUT.add(port + i);
                }
                return port;
            }
        }
        throw new IllegalStateException(
                "no " + consecutive + " consecutive free ports on 127.0.0.1 between " + LOWEST + " and " + HIGHEST);
    }

    private static boolean allFree(int port, int consecutive) {
        for (int i = 0; i < consecutive; i++) {
            if (HANDED_OUT.contains(port + i) || !isFree(port + i)) {
                return false;
            }
        }
        return true;
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
