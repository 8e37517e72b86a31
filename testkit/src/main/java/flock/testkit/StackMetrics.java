package flock.testkit;

import java.util.TreeMap;
import java.util.function.DoubleBinaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The members' own metrics (Prometheus text on each member's metrics port), folded over the stack. */
public final class StackMetrics {
    /** Timeline updates the fan-out sent, counted since the member started. */
    public static final Pattern FAN_OUT_UPDATES =
            Pattern.compile("(?m)^flock_fanout_timeline_updates_total\\S* (\\S+)$");

    /** Entries still waiting in a member's write-behind queues for Cassandra, per map. */
    public static final Pattern WRITE_BEHIND_PENDING =
            Pattern.compile("(?m)^flock_map_writebehind_pending\\S* (\\S+)$");

    /** Migration processes the members ran as master, each a member joining or leaving. */
    public static final Pattern MIGRATION_PROCESSES =
            Pattern.compile("(?m)^flock_migration_process_seconds_count\\S* (\\S+)$");

    /** 1 on a member that sees no migration running and every backup in sync. */
    public static final Pattern CLUSTER_SAFE = Pattern.compile("(?m)^flock_cluster_safe\\S* (\\S+)$");

    /** First pages and polls the API node answered from a feed head it caches (no grid call). */
    public static final Pattern HEAD_HITS = Pattern.compile("(?m)^flock_feed_head_hits_total\\S* (\\S+)$");

    /** First pages and polls the API node read from the feed's member. */
    public static final Pattern HEAD_MISSES = Pattern.compile("(?m)^flock_feed_head_misses_total\\S* (\\S+)$");

    private static final Pattern LAG_BUCKET =
            Pattern.compile("(?m)^flock_fanout_lag_seconds_bucket\\{.*le=\"([^\"]+)\".*\\} (\\S+)$");

    private final FlockStack stack;

    public StackMetrics(FlockStack stack) {
        this.stack = stack;
    }

    public double sum(Pattern metric) {
        return fold(metric, 0, Double::sum);
    }

    /** One metric of the API node's (its Prometheus text under /observe/metrics), each label set of it summed. */
    public double api(Pattern metric) {
        Matcher matcher = metric.matcher(stack.fetch(stack.apiUri().resolve("/observe/metrics")));
        double sum = 0;
        while (matcher.find()) {
            sum += Double.parseDouble(matcher.group(1));
        }
        return sum;
    }

    /** The lowest value of a metric over the live members (1 for a flag means every member says so). */
    public double min(Pattern metric) {
        return fold(metric, Double.POSITIVE_INFINITY, Math::min);
    }

    public double max(Pattern metric) {
        return fold(metric, 0, Math::max);
    }

    /** One metric's values on every live member (each label set of it), folded into one. */
    private double fold(Pattern metric, double identity, DoubleBinaryOperator fold) {
        double result = identity;
        for (int i = 0; i < stack.members().size(); i++) {
            if (!stack.members().get(i).isAlive()) {
                continue; // a member a fault test killed: its queues went with it, and its backups are elsewhere
            }
            Matcher matcher = metric.matcher(stack.fetch(stack.memberMetricsUri(i)));
            while (matcher.find()) {
                result = fold.applyAsDouble(result, Double.parseDouble(matcher.group(1)));
            }
        }
        return result;
    }

    /** The fan-out lag histogram summed over the members: cumulative batch count by upper bound (seconds). */
    public TreeMap<Double, Double> lagBuckets() {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (int i = 0; i < stack.members().size(); i++) {
            Matcher matcher = LAG_BUCKET.matcher(stack.fetch(stack.memberMetricsUri(i)));
            while (matcher.find()) {
                double bound = matcher.group(1).equals("+Inf")
                        ? Double.POSITIVE_INFINITY
                        : Double.parseDouble(matcher.group(1));
                buckets.merge(bound, Double.parseDouble(matcher.group(2)), Double::sum);
            }
        }
        return buckets;
    }

    /**
     * The upper bound (seconds) of the lag bucket holding the quantile of the batches recorded since
     * {@code before} (a {@link #lagBuckets()} taken earlier); NaN when none were recorded.
     */
    public double lagQuantile(TreeMap<Double, Double> before, double quantile) {
        TreeMap<Double, Double> after = lagBuckets();
        if (after.isEmpty()) {
            return Double.NaN;
        }
        double total = after.lastEntry().getValue() - before.getOrDefault(after.lastKey(), 0.0);
        if (total <= 0) {
            return Double.NaN;
        }
        for (var bucket : after.entrySet()) {
            double count = bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0);
            if (count >= quantile * total) {
                return bucket.getKey();
            }
        }
        return Double.NaN;
    }
}
