package flock.benchmarks.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Histogram;

/**
 * An HTTP load generator over keep-alive connections, one worker thread each.
 *
 * <p>Open loop ({@link #atRate}): request {@code i} is due at {@code start + i / rate}, whatever happened
 * to the others, and its latency is measured from that due time, not from when a worker got round to
 * sending it. A server that stalls therefore shows the whole queue it caused in the percentiles, instead of
 * slowing the generator down and hiding it ("coordinated omission"; wrk2 and HdrHistogram do the same).
 *
 * <p>Closed loop ({@link #saturate}): every worker sends its next request as soon as the last one is
 * answered; that finds the throughput ceiling, at whatever latency it costs.
 */
public final class LoadGenerator {
    /** Longest latency recorded: a minute, in microseconds. */
    private static final long HIGHEST_MICROS = 60_000_000L;

    /** How long an overloaded open-loop run may go on past its end before the rest is counted unsent. */
    private static final long GRACE_NANOS = Duration.ofSeconds(2).toNanos();

    private final InetSocketAddress server;
    private final int connections;

    public LoadGenerator(InetSocketAddress server, int connections) {
        this.server = server;
        this.connections = connections;
    }

    /** Sends requests at a fixed rate for the duration. */
    public LoadResult atRate(Workload workload, double perSecond, Duration duration) {
        return run(workload, perSecond, duration, () -> true);
    }

    /**
     * Sends each request once, as fast as the server answers (a warm-up pass: every user's pages read once,
     * so that caches hold what steady traffic would keep in them).
     */
    public LoadResult each(List<Request> requests) {
        AtomicLong next = new AtomicLong();
        Workload inOrder = random -> requests.get((int) Math.min(next.getAndIncrement(), requests.size() - 1));
        long started = System.nanoTime();
        LoadResult result = run(inOrder, 0, Duration.ofDays(1), () -> next.get() < requests.size());
        System.out.printf(
                "  warm-up: %,d requests in %.1f s%n", result.completed(), (System.nanoTime() - started) / 1e9);
        return result;
    }

    /** Sends as fast as the server answers for the duration. */
    public LoadResult saturate(Workload workload, Duration duration) {
        return run(workload, 0, duration, () -> true);
    }

    /** @param more whether a closed-loop worker should send another request (beside the duration) */
    private LoadResult run(Workload workload, double perSecond, Duration duration, BooleanSupplier more) {
        long start = System.nanoTime() + Duration.ofMillis(20).toNanos();
        long end = start + duration.toNanos();
        double interval = perSecond > 0 ? 1e9 / perSecond : 0;
        AtomicLong tickets = new AtomicLong();
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Worker worker = new Worker(workload, start, end, interval, tickets, more, i);
            workers.add(worker);
            threads.add(Thread.ofPlatform().name("load-" + i).daemon().start(worker));
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the load ran", e);
            }
        }
        long finished =
                workers.stream().mapToLong(worker -> worker.lastDone).max().orElse(end);
        double seconds = (Math.max(end, finished) - start) / 1e9;
        Histogram all = newHistogram();
        Map<String, Histogram> byKind = new HashMap<>();
        long completed = 0;
        long errors = 0;
        long unsent = 0;
        long bytes = 0;
        Map<String, Long> failures = new HashMap<>();
        for (Worker worker : workers) {
            worker.failures.forEach((what, count) -> failures.merge(what, count, Long::sum));
            all.add(worker.all);
            worker.byKind.forEach((kind, histogram) ->
                    byKind.computeIfAbsent(kind, k -> newHistogram()).add(histogram));
            completed += worker.completed;
            errors += worker.errors;
            unsent += worker.unsent;
            bytes += worker.bytes;
        }
        return new LoadResult(perSecond, seconds, completed, errors, unsent, bytes, all, byKind, failures);
    }

    private static Histogram newHistogram() {
        return new Histogram(HIGHEST_MICROS, 3);
    }

    private final class Worker implements Runnable {
        private final Workload workload;
        private final long start;
        private final long end;
        private final double interval;
        private final AtomicLong tickets;
        private final BooleanSupplier more;
        private final SplittableRandom random;
        private final Histogram all = newHistogram();
        private final Map<String, Histogram> byKind = new HashMap<>();
        private long completed;
        private long errors;
        /** Failed requests by kind and status ("like 404"), so a run's log says what failed, not only how many. */
        private final Map<String, Long> failures = new HashMap<>();

        private long unsent;
        private long bytes;
        private long lastDone;

        Worker(
                Workload workload,
                long start,
                long end,
                double interval,
                AtomicLong tickets,
                BooleanSupplier more,
                int index) {
            this.workload = workload;
            this.start = start;
            this.end = end;
            this.interval = interval;
            this.tickets = tickets;
            this.more = more;
            this.random = new SplittableRandom(index * 7919L + start);
        }

        @Override
        public void run() {
            try (HttpConnection connection = new HttpConnection(server)) {
                if (interval > 0) {
                    openLoop(connection);
                } else {
                    closedLoop(connection);
                }
            }
        }

        private void openLoop(HttpConnection connection) {
            while (true) {
                long due = start + (long) (tickets.getAndIncrement() * interval);
                if (due >= end) {
                    return;
                }
                long now = System.nanoTime();
                while (now < due) {
                    LockSupport.parkNanos(due - now);
                    now = System.nanoTime();
                }
                if (now > end + GRACE_NANOS) {
                    // Overloaded past hope: the request is counted, with the latency it has at least.
                    unsent++;
                    record(workload.next(random).kind(), now - due);
                    continue;
                }
                send(connection, workload.next(random), due);
            }
        }

        private void closedLoop(HttpConnection connection) {
            while (System.nanoTime() < end && more.getAsBoolean()) {
                send(connection, workload.next(random), System.nanoTime());
            }
        }

        private void send(HttpConnection connection, Request request, long due) {
            try {
                connection.exchange(request.bytes());
                if (connection.status >= 400) {
                    errors++;
                    failures.merge(request.kind() + " " + connection.status, 1L, Long::sum);
                }
                bytes += connection.bodyBytes;
            } catch (IOException e) {
                errors++;
                failures.merge(request.kind() + " connection failed", 1L, Long::sum);
            }
            lastDone = System.nanoTime();
            completed++;
            record(request.kind(), lastDone - due);
        }

        private void record(String kind, long nanos) {
            long micros = Math.min(HIGHEST_MICROS, Math.max(1, nanos / 1000));
            all.recordValue(micros);
            byKind.computeIfAbsent(kind, k -> newHistogram()).recordValue(micros);
        }
    }
}
