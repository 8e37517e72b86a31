package flock.benchmarks;

/**
 * Stops the processes a benchmark started (Cassandra, Redis, members, the bench server) when its JVM is
 * interrupted: {@code ./flock bench} runs for minutes, and a Ctrl-C would otherwise leave them all running
 * on their ports. A run that ends normally has closed them already, so the hook then finds none.
 */
public final class ChildProcesses {
    private ChildProcesses() {}

    public static void stopOnExit() {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy),
                        "stop-benchmark-processes"));
    }
}
