package flock.mapstores;

import com.datastax.oss.driver.api.core.RequestThrottlingException;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.context.DriverContext;
import com.datastax.oss.driver.api.core.session.throttling.RequestThrottler;
import com.datastax.oss.driver.api.core.session.throttling.Throttled;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The driver's request throttler for the members' sessions: at most {@code max-concurrent-requests} requests in
 * flight, up to {@code max-queue-size} more waiting, the rest refused, as the driver's {@code
 * ConcurrencyLimitingRequestThrottler} promises, with every decision under one lock.
 *
 * <p>Why not the driver's own: in 4.19 it decides without a lock, and a request that finds every slot taken is queued
 * a moment after that check; if every request in flight finishes in that moment, each finds the queue still empty and
 * gives its slot back, and the queued request is never started. From then on every new request sees a queue and
 * joins it, nothing is in flight to start one, and each fails after the request timeout while Cassandra sits idle: a
 * member whose writes all time out, its write-behind queues growing, until the traffic stops long enough for the queue
 * to empty. A member of the benchmark's stack stopped writing this way during its bulk load, with two cores fully
 * busy (a thread put off between the check and the queueing is what opens the gap): a heap dump of it minutes later
 * showed the driver's throttler with no request in flight and twenty queued. The lock here is held for a few field
 * updates; the request is started after it is released.
 */
public final class BoundedRequestThrottler implements RequestThrottler {
    private final int maxConcurrent;
    private final int maxQueued;
    private final Object lock = new Object();
    private final Deque<Throttled> queue = new ArrayDeque<>();
    private int inFlight;
    private boolean closed;

    /** As the driver builds it, from {@code advanced.throttler} in the session's configuration. */
    public BoundedRequestThrottler(DriverContext context) {
        this(
                context.getConfig()
                        .getDefaultProfile()
                        .getInt(DefaultDriverOption.REQUEST_THROTTLER_MAX_CONCURRENT_REQUESTS),
                context.getConfig().getDefaultProfile().getInt(DefaultDriverOption.REQUEST_THROTTLER_MAX_QUEUE_SIZE));
    }

    BoundedRequestThrottler(int maxConcurrent, int maxQueued) {
        if (maxConcurrent < 1 || maxQueued < 0) {
            throw new IllegalArgumentException("the throttler needs at least one request in flight and a queue of"
                    + " zero or more, not " + maxConcurrent + " and " + maxQueued);
        }
        this.maxConcurrent = maxConcurrent;
        this.maxQueued = maxQueued;
    }

    @Override
    public void register(Throttled request) {
        String refusal;
        synchronized (lock) {
            if (closed) {
                refusal = "The session is shutting down";
            } else if (queue.isEmpty() && inFlight < maxConcurrent) {
                inFlight++;
                refusal = null;
            } else if (queue.size() < maxQueued) {
                queue.addLast(request);
                return;
            } else {
                refusal = String.format(
                        "The session has reached its maximum capacity (concurrent requests: %d, queue size: %d)",
                        maxConcurrent, maxQueued);
            }
        }
        if (refusal == null) {
            request.onThrottleReady(false);
        } else {
            request.onThrottleFailure(new RequestThrottlingException(refusal));
        }
    }

    @Override
    public void signalSuccess(Throttled request) {
        startNext(done());
    }

    @Override
    public void signalError(Throttled request, Throwable error) {
        startNext(done());
    }

    @Override
    public void signalTimeout(Throttled request) {
        startNext(doneOrDequeued(request));
    }

    @Override
    public void signalCancel(Throttled request) {
        startNext(doneOrDequeued(request));
    }

    /**
     * A request that timed out or was cancelled while waiting only leaves the queue; one that was started gives its
     * slot back, as one that finished does.
     */
    private Throttled doneOrDequeued(Throttled request) {
        synchronized (lock) {
            return queue.remove(request) ? null : done();
        }
    }

    /**
     * A slot given back: to the next request waiting (answered, to be started once the lock is released), else freed.
     * The lock is reentrant, so {@link #doneOrDequeued} decides both under one hold.
     */
    private Throttled done() {
        synchronized (lock) {
            if (closed) {
                return null;
            }
            Throttled next = queue.pollFirst();
            if (next == null) {
                inFlight--;
            }
            return next;
        }
    }

    private static void startNext(Throttled next) {
        if (next != null) {
            next.onThrottleReady(true);
        }
    }

    /** Requests waiting now (for tests). */
    int queued() {
        synchronized (lock) {
            return queue.size();
        }
    }

    /** Requests started and not yet done (for tests). */
    int inFlight() {
        synchronized (lock) {
            return inFlight;
        }
    }

    @Override
    public void close() {
        List<Throttled> waiting;
        synchronized (lock) {
            closed = true;
            waiting = new ArrayList<>(queue);
            queue.clear();
        }
        RequestThrottlingException closing = new RequestThrottlingException("The session is shutting down");
        waiting.forEach(request -> request.onThrottleFailure(closing));
    }
}
