package flock.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelMemoryMonitorTest {
    @TempDir
    Path kdamonds;

    @Test
    void should_describe_a_running_monitor_as_sysfs_shows_it() throws IOException {
        Path context = monitor("0", "on");
        write(context.resolve("schemes/0/action"), "pageout\n");

        assertThat(KernelMemoryMonitor.describe(kdamonds)).hasValueSatisfying(line -> assertThat(line)
                .startsWith("DAMON on (paddr, sampling every 500 ms, pageout)"));
    }

    @Test
    void should_say_nothing_of_a_monitor_that_is_off_or_absent() throws IOException {
        monitor("0", "off");

        assertThat(KernelMemoryMonitor.describe(kdamonds)).isEmpty();
        assertThat(KernelMemoryMonitor.describe(kdamonds.resolve("absent"))).isEmpty();
    }

    private Path monitor(String name, String state) throws IOException {
        Path monitor = kdamonds.resolve(name);
        write(monitor.resolve("state"), state + "\n");
        Path context = monitor.resolve("contexts/0");
        write(context.resolve("operations"), "paddr\n");
        write(context.resolve("monitoring_attrs/intervals/sample_us"), "500000\n");
        return context;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
