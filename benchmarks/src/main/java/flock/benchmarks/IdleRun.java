package flock.benchmarks;

import flock.benchmarks.http.CpuAccount;
import flock.testkit.CassandraServer;
import flock.testkit.FlockStack;
import flock.testkit.ProjectLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./flock bench --idle}: what an idle Flock costs. Two members and an API node run with nothing to do, and
 * each process's CPU is read over repeated windows. Every benchmark pays this background on the same cores as the
 * work it measures, so it is measured alone here, for the members as shipped beside each candidate setting, one
 * stack after another in the same run.
 *
 * <p>Usage: {@code IdleRun [windows] [seconds per window]} (default 5 windows of 10 s).
 */
public final class IdleRun {
    /** Time for a new stack's jobs to start and its JIT and collectors to settle before it is measured. */
    private static final Duration SETTLE = Duration.ofSeconds(30);

    /** The variants measured: each a name and the JVM options its members get on top of the shipped config. */
    static final Map<String, List<String>> VARIANTS = variants();

    private IdleRun() {}

    /**
     * The members before they were quieted, beside them as shipped, twice in turn so that neither always runs first
     * (a fresh Cassandra is busier in the first minutes). "Before" is the shipped hazelcast.yaml with Hazelcast's
     * default Jet idle back-off (0.5 ms) and the jobs snapshotting every second.
     */
    private static Map<String, List<String>> variants() {
        Map<String, List<String>> variants = new LinkedHashMap<>();
        List<String> before =
                List.of("-Dflock.hazelcast-config=" + beforeConfig(), "-Dflock.jobs.snapshot-interval=PT1S");
        variants.put("before (Jet idle 0.5 ms, snapshots 1 s), run 1", before);
        variants.put("as shipped (Jet idle 5 ms, snapshots 5 s), run 1", List.of());
        variants.put("before (Jet idle 0.5 ms, snapshots 1 s), run 2", before);
        variants.put("as shipped (Jet idle 5 ms, snapshots 5 s), run 2", List.of());
        return variants;
    }

    /** The shipped hazelcast.yaml with Hazelcast's default idle back-off, written beside the run's other files. */
    private static String beforeConfig() {
        try {
            String shipped = Files.readString(ProjectLayout.root().resolve("hazelcast.yaml"));
            String property = "hazelcast.jet.idle.cooperative.max.microseconds: ";
            if (!shipped.contains(property + "5000")) {
                throw new IllegalStateException("hazelcast.yaml no longer sets " + property + "5000; update IdleRun");
            }
            Path file = ProjectLayout.scratch("idle").resolve("hazelcast-before.yaml");
            Files.writeString(file, shipped.replace(property + "5000", property + "500"));
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        int windows = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        ChildProcesses.stopOnExit();
        List<String> rows = new ArrayList<>();
        try (CassandraServer cassandra =
                ChildProcesses.closeOnExit(CassandraServer.start(ProjectLayout.scratch("idle-cassandra")))) {
            int stack = 0;
            for (Map.Entry<String, List<String>> variant : VARIANTS.entrySet()) {
                rows.add(measure(cassandra, "idle-" + stack++, variant.getKey(), variant.getValue(), windows, seconds));
            }
        }
        ChildProcesses.closed();
        System.out.println();
        System.out.println("| members as | members, % of a core per window | API node, % of a core per window |");
        System.out.println("|---|---|---|");
        rows.forEach(System.out::println);
    }

    private static String measure(
            CassandraServer cassandra, String cluster, String name, List<String> options, int windows, int seconds) {
        List<String> jvmOptions = new ArrayList<>(List.of("-XX:+UseZGC"));
        jvmOptions.addAll(options);
        System.out.printf("idle: starting two members and an API node, %s%n", name);
        try (FlockStack stack = new FlockStack(cassandra, cluster)
                .withMemberHeap("1g")
                .withJvmOptions(jvmOptions)
                .start(2)) {
            sleep(SETTLE);
            CpuAccount cpu = new CpuAccount(() -> Map.of(
                    "members",
                            stack.members().stream().map(member -> member.pid()).toList(),
                    "api", List.of(stack.api().pid())));
            List<String> members = new ArrayList<>();
            List<String> api = new ArrayList<>();
            for (int i = 0; i < windows; i++) {
                Map<String, Long> before = cpu.read();
                sleep(Duration.ofSeconds(seconds));
                Map<String, Long> after = cpu.read();
                members.add(percent(before, after, "members", seconds));
                api.add(percent(before, after, "api", seconds));
                System.out.printf(
                        "  window %d: members %s%%, API node %s%%%n", i + 1, members.getLast(), api.getLast());
            }
            return "| " + name + " | " + String.join(" / ", members) + " | " + String.join(" / ", api) + " |";
        }
    }

    private static String percent(Map<String, Long> before, Map<String, Long> after, String group, int seconds) {
        return String.format("%.1f", (after.get(group) - before.get(group)) / 1e7 / seconds);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
