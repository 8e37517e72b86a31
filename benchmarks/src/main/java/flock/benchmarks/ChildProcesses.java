package flock.benchmarks;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Stops the processes a benchmark started (Cassandra, Redis, members, the bench server) when its JVM is
 * interrupted: {@code ./flock bench} runs for minutes, and a Ctrl-C would otherwise leave them all running
 * on their ports. Members and servers are this JVM's children; Cassandra and Redis are started by scripts
 * that detach them, so they are registered here and stopped the way they were started.
 */
public final class ChildProcesses {
    private static final Deque<AutoCloseable> OPEN = new ConcurrentLinkedDeque<>();

    private ChildProcesses() {}

    public static void stopOnExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::stopAll, "stop-benchmark-processes"));
    }

    /** Registers a detached server to stop on an interrupt; answers it, for a try-with-resources. */
    public static <T extends AutoCloseable> T closeOnExit(T server) {
        OPEN.push(server);
        return server;
    }

    /** The registered servers were closed by the run itself. */
    public static void closed() {
        OPEN.clear();
    }

    private static void stopAll() {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
        for (AutoCloseable server = OPEN.poll(); server != null; server = OPEN.poll()) {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("stopping " + server + " failed: " + e);
            }
        }
    }
}
