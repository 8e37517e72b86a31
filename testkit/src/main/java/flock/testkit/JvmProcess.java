package flock.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/** One of Flock's own JVMs (a grid member, an API node) run as a separate process, logging to a file. */
public final class JvmProcess {
    private final String name;
    private final Process process;
    private final Path log;

    /** Where this process's output starts in its log: a restarted process appends to the same file. */
    private final long logStart;

    private JvmProcess(String name, Process process, Path log, long logStart) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.logStart = logStart;
    }

    /** The heap ./flock gives every process: plenty for the tests' data, and four fit on a small box. */
    public static final String DEFAULT_HEAP = "512m";

    /**
     * Starts {@code mainClass} from a module's packaged classpath.
     *
     * @param properties system properties, passed as {@code -Dkey=value}
     */
    public static JvmProcess start(
            String name, String module, String mainClass, Map<String, String> properties, Path log) {
        return start(name, module, mainClass, DEFAULT_HEAP, properties, log);
    }

    /**
     * Starts {@code mainClass} with a heap of its own size.
     *
     * @param heap the maximum heap, as {@code -Xmx} takes it ("512m", "1g")
     */
    public static JvmProcess start(
            String name, String module, String mainClass, String heap, Map<String, String> properties, Path log) {
        return start(name, module, mainClass, heap, TEST_GC, properties, log);
    }

    /**
     * Stands for the class data archive of the module started ({@link #start}): a test starts dozens of members and API
     * nodes, and each would otherwise load and verify its thousands of classes again.
     */
    public static final String SHARED_ARCHIVE = "-XX:SharedArchiveFile=<module>";

    /**
     * How tests run their JVMs, for the least CPU on a small box where many share two cores: the serial collector
     * (pauses matter less in a test than in a latency benchmark), the quick compiler only (a test's JVM lives a minute
     * or two, less than the optimising compiler takes to pay for itself), and a class data archive per module, made by
     * the first JVM of that module that exits normally and used by every later one. Benchmarks set their own.
     */
    public static final List<String> TEST_GC = List.of(
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:+AutoCreateSharedArchive",
            SHARED_ARCHIVE,
            "-Xlog:cds*=error"); // the archive lists at exit every class it leaves out

    /**
     * Starts {@code mainClass} with a heap and JVM options of its own (a collector, say).
     *
     * @param jvmOptions options placed before the system properties
     */
    public static JvmProcess start(
            String name,
            String module,
            String mainClass,
            String heap,
            List<String> jvmOptions,
            Map<String, String> properties,
            Path log) {
        List<String> command = new ArrayList<>();
        command.add(ProjectLayout.java());
        command.add("-Xmx" + heap);
        for (String option : jvmOptions) {
            command.add(option.equals(SHARED_ARCHIVE) ? "-XX:SharedArchiveFile=" + archiveOf(module) : option);
        }
        command.add(ProjectLayout.hazelcastJvmOptions());
        command.add("-Dhazelcast.phone.home.enabled=false");
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(ProjectLayout.classpath(module));
        command.add(mainClass);
        return launch(name, new ProcessBuilder(command), log);
    }

    /** Where the module's class data archive is kept: beside its packaged jar, which a new build replaces with it. */
    private static Path archiveOf(String module) {
        return ProjectLayout.root().resolve(module).resolve("target").resolve("classes.jsa");
    }

    /**
     * Starts a JVM by a command of its own (the image's java in a chroot, say) with exactly these environment
     * variables, none of the test's own: as a container starts with only its image's and its deployment's.
     */
    public static JvmProcess run(String name, List<String> command, Map<String, String> environment, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(environment);
        return launch(name, builder, log);
    }

    private static JvmProcess launch(String name, ProcessBuilder builder, Path log) {
        try {
            long logStart = Files.exists(log) ? Files.size(log) : 0;
            Process process = builder.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new JvmProcess(name, process, log, logStart);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /**
     * Waits until the condition holds while this process runs. It fails at once if the process exits, and on
     * failure the message carries the end of its log, so a run whose logs are gone (CI) still says why.
     */
    public void awaitWhileAlive(Duration timeout, String description, BooleanSupplier condition) {
        try {
            Awaitility.await(description)
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(50))
                    .ignoreExceptions()
                    .failFast(this + " exited", () -> !process.isAlive())
                    .until(condition::getAsBoolean);
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            String exit = process.isAlive() ? "" : " (" + this + " exited with status " + process.exitValue() + ")";
            throw new AssertionError(description + ": " + e.getMessage() + exit + "\n" + logTail(), e);
        }
    }

    /** What this process wrote to its log so far, without what earlier processes of the same name left there. */
    public String output() {
        try (FileChannel file = FileChannel.open(log)) {
            long length = Math.max(0, file.size() - logStart);
            ByteBuffer bytes = ByteBuffer.allocate((int) length);
            file.read(bytes, logStart);
            return new String(bytes.array(), 0, bytes.position(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines of the log, each cut to a readable length, headed by the file's name. */
    public String logTail() {
        StringBuilder tail = new StringBuilder("--- last lines of " + log + " ---\n");
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (String line : lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size())) {
                tail.append(line, 0, Math.min(line.length(), TAIL_LINE_CHARS)).append('\n');
            }
        } catch (IOException | UncheckedIOException e) {
            tail.append("(unreadable: ").append(e).append(")\n");
        }
        return tail.toString();
    }

    private static final int TAIL_LINES = 25;
    private static final int TAIL_LINE_CHARS = 300;

    /**
     * SIGTERM and wait: the process runs its shutdown hook (a member flushes and leaves gracefully). A JVM started
     * through a launcher of its own ({@link #run}: unshare, chroot) gets the signal itself, since a launcher that
     * waits for its child may ignore SIGTERM.
     */
    public void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                throw new IllegalStateException(name + " did not stop within 2 minutes after SIGTERM; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: a crash, no shutdown hook runs. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        try {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", log " + log + ")";
    }
}
