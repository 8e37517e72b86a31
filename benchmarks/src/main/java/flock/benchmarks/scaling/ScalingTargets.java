package flock.benchmarks.scaling;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The speed targets the scaling stage answers, as lines of the whole run's targets section: the fan-out's
 * timeline inserts per second, and whether home pages stay as fast at the largest size as at the smallest. Each
 * size is measured once (its load takes minutes), so these lines carry no spread.
 */
public final class ScalingTargets {
    /** Fan-out timeline inserts per second the stage must reach on 2 shared cores. */
    static final double FAN_OUT_INSERTS = 100_000;

    /** Closed-loop pages/s at the largest size, as a share of the smallest size's, at the least. */
    static final double PAGES_KEPT = 0.8;

    /** Read p99 at the largest size, as a multiple of the smallest size's, at the most. */
    static final double P99_GROWTH = 2;

    private ScalingTargets() {}

    /** The lines, or none when fewer than two sizes were measured. */
    public static List<String> lines(List<ScalePoint> points) {
        List<String> lines = new ArrayList<>();
        if (points.isEmpty()) {
            return lines;
        }
        double slowestFanOut = points.stream()
                .mapToDouble(p -> p.timelineUpdates() / p.fanOutSeconds())
                .min()
                .orElseThrow();
        lines.add(String.format(
                "Fan-out timeline inserts/s (scaling stage, 2 shared cores): %s at %s users (target >= %,.0f at every"
                        + " size): %s",
                points.stream()
                        .map(p -> String.format("%,.0f", p.timelineUpdates() / p.fanOutSeconds()))
                        .collect(Collectors.joining(" / ")),
                points.stream().map(p -> String.format("%,d", p.users())).collect(Collectors.joining(" / ")),
                FAN_OUT_INSERTS,
                verdict(slowestFanOut >= FAN_OUT_INSERTS)));
        if (points.size() < 2) {
            return lines;
        }
        ScalePoint small = points.getFirst();
        ScalePoint large = points.getLast();
        double kept = large.closedLoopReads() / small.closedLoopReads();
        double growth = large.readP99Millis() / small.readP99Millis();
        lines.add(String.format(
                "Closed-loop home pages/s, %,d -> %,d users: %,.0f -> %,.0f, %.0f%% kept (target >= %.0f%%): %s;"
                        + " read p99 %.2f -> %.2f ms, %.1fx (target <= %.0fx): %s; over the same %,d readers at every"
                        + " size, each read before: %,.0f -> %,.0f, %.0f%% kept",
                small.users(),
                large.users(),
                small.closedLoopReads(),
                large.closedLoopReads(),
                100 * kept,
                100 * PAGES_KEPT,
                verdict(kept >= PAGES_KEPT),
                small.readP99Millis(),
                large.readP99Millis(),
                growth,
                P99_GROWTH,
                verdict(growth <= P99_GROWTH),
                ScalingRun.ACTIVE_READERS,
                small.closedLoopActiveReads(),
                large.closedLoopActiveReads(),
                100 * large.closedLoopActiveReads() / small.closedLoopActiveReads()));
        return lines;
    }

    private static String verdict(boolean met) {
        return met ? "**met**" : "**not met**";
    }
}
