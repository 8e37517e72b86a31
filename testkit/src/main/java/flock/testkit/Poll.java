package flock.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded polling for asynchronous outcomes: tests wait for a condition, never for a fixed time. */
public final class Poll {
    private static final long INTERVAL_MILLIS = 20;

    private Poll() {}

    /** Waits until the condition holds; fails with the description once the timeout has passed. */
    public static void until(Duration timeout, String description, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
                lastError = null;
            } catch (RuntimeException e) {
                lastError = e;
            }
            pause();
        }
        throw new AssertionError("not true within " + timeout + ": " + description, lastError);
    }

    /** Like {@link #until} but answers how long it took, for tests that report a latency. */
    public static Duration timeUntil(Duration timeout, String description, BooleanSupplier condition) {
        long start = System.nanoTime();
        until(timeout, description, condition);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static void pause() {
        try {
            Thread.sleep(INTERVAL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
