package flock.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Waits until the machine is quiet before a measurement: after a bulk load, Cassandra flushes and compacts
 * and the collectors catch up for a minute or more, and a system measured then pays for the load, not for
 * its own work. Reads the CPU counters of /proc/stat (Linux); elsewhere it waits for nothing.
 */
public final class MachineQuiet {
    private static final Path STAT = Path.of("/proc/stat");

    /**
     * Idle share of the CPUs that counts as quiet when the Flock stack runs: two idle members, Cassandra and the bench
     * server keep about a fifth of the machine busy on their own (collectors, timers, Jet's threads), so a machine this
     * idle has finished what the last run left queued.
     */
    public static final double STACK_IDLE_SHARE = 0.75;

    private MachineQuiet() {}

    /**
     * The window idleness is judged over: a second holds 200 ticks of a 2-core machine's counters, enough to tell a
     * busy machine from an idle one, and a whole run waits for it before every probe (two seconds made three and a
     * half of the full profile's minutes).
     */
    private static final Duration WINDOW = Duration.ofSeconds(1);

    /**
     * Waits until the CPUs were idle for at least {@code idleShare} of a {@link #WINDOW}, at most {@code patience};
     * answers the seconds waited.
     */
    public static double await(double idleShare, Duration patience) {
        long started = System.nanoTime();
        long deadline = started + patience.toNanos();
        long[] before = sample();
        while (before != null && System.nanoTime() < deadline) {
            sleep(WINDOW);
            long[] after = sample();
            double idle = (double) (after[0] - before[0]) / Math.max(1, after[1] - before[1]);
            if (idle >= idleShare) {
                break;
            }
            before = after;
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** {idle ticks, all ticks} of the "cpu" line, or null where there is no /proc/stat. */
    private static long[] sample() {
        try {
            String[] fields = Files.readAllLines(STAT).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]); // idle + iowait
            return new long[] {idle, total};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
