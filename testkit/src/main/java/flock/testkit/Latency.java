package flock.testkit;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.awaitility.core.ConditionFactory;

/**
 * How long an asynchronous outcome took to arrive, for tests that report a latency (fan-out lag, queue drain). It
 * waits as every test does, with Awaitility, but checks every 20 ms from the start, so the figure it reports is not
 * rounded up to Awaitility's default 100 ms polls.
 */
public final class Latency {
    private Latency() {}

    /** Waits with {@code wait} until the condition holds and answers how long that took. */
    public static Duration of(ConditionFactory wait, Callable<Boolean> condition) {
        long start = System.nanoTime();
        wait.pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).until(condition);
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
