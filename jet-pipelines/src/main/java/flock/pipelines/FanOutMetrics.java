package flock.pipelines;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The fan-out's own numbers, in Micrometer's global registry of the member running the job (the member
 * serves it on its metrics port): the lag from a post's acknowledgement to its last batch of feeds being
 * updated, and the timeline updates done. Inserts per second is the rate of the counter.
 */
final class FanOutMetrics {
    private static final Timer LAG = Timer.builder("flock.fanout.lag")
            .description("Post acknowledged to a batch of up to 1,000 follower feeds updated; a tweet's"
                    + " slowest batch is its last follower")
            .publishPercentiles(0.5, 0.99)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofMinutes(1))
            .register(Metrics.globalRegistry);

    private static final Counter UPDATES = Counter.builder("flock.fanout.timeline.updates")
            .description("Home feed inserts and removals sent by the fan-out (feeds not in memory included)")
            .register(Metrics.globalRegistry);

    private FanOutMetrics() {}

    /**
     * Registers the meters (by loading this class) on a member that runs the job, so its metrics port shows
     * them from the start, not only after it finished a batch of its own: under load the queued batches go
     * out together, and a quiet member may finish none for a while.
     */
    static void publish() {
        // Loading the class registered LAG and UPDATES; nothing else to do.
    }

    static List<FanOutBatch> doneAll(List<FanOutBatch> batches) {
        for (FanOutBatch batch : batches) {
            done(batch);
        }
        return batches;
    }

    private static void done(FanOutBatch batch) {
        UPDATES.increment(batch.userIds().length);
        if (!batch.removal()) {
            LAG.record(Math.max(0, System.currentTimeMillis() - batch.postedAtMillis()), TimeUnit.MILLISECONDS);
        }
    }
}
