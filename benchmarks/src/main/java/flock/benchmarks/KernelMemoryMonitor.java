package flock.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether the kernel's memory access monitor (DAMON) runs on this machine, for the report's setting. On the machines
 * Flock is measured on it samples physical memory every half second and its thread then takes a core for 50-100 ms,
 * during which the other processes' threads wait for a core: a floor under every system's tail that a reader of the figures must know of
 * (docs/benchmarks.md). Read from sysfs; nothing where there is none.
 */
final class KernelMemoryMonitor {
    static final Path SYSFS = Path.of("/sys/kernel/mm/damon/admin/kdamonds");

    private KernelMemoryMonitor() {}

    /** A line for the report's setting when a monitor is on, such as "DAMON on (paddr, sampling every 500 ms, pageout)". */
    static Optional<String> describe(Path kdamonds) {
        List<String> running = new ArrayList<>();
        try {
            for (Path monitor : directories(kdamonds)) {
                if ("on".equals(read(monitor.resolve("state")))) {
                    running.add(contextsOf(monitor));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no DAMON here, or not readable: nothing to report
        }
        return running.isEmpty()
                ? Optional.empty()
                : Optional.of("DAMON on (" + String.join("; ", running) + "): the kernel's memory monitor, whose"
                        + " passes take a core for tens of milliseconds (docs/benchmarks.md, \"The tail at"
                        + " low rates\")");
    }

    private static String contextsOf(Path monitor) throws IOException {
        List<String> contexts = new ArrayList<>();
        for (Path context : directories(monitor.resolve("contexts"))) {
            long sampleMicros = Long.parseLong(read(context.resolve("monitoring_attrs/intervals/sample_us")));
            List<String> actions = new ArrayList<>();
            Path schemes = context.resolve("schemes");
            for (Path scheme : Files.isDirectory(schemes) ? directories(schemes) : List.<Path>of()) {
                actions.add(read(scheme.resolve("action")));
            }
            contexts.add(String.format(
                    "%s, sampling every %d ms%s",
                    read(context.resolve("operations")),
                    sampleMicros / 1_000,
                    actions.isEmpty() ? "" : ", " + String.join(", ", actions)));
        }
        return String.join("; ", contexts);
    }

    /** The numbered directories under a sysfs node, in order (beside them are files such as nr_kdamonds). */
    private static List<Path> directories(Path parent) throws IOException {
        try (Stream<Path> all = Files.list(parent)) {
            return all.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file).strip();
    }
}
