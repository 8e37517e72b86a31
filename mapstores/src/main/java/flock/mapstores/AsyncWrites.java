package flock.mapstores;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Sends a write-behind batch to Cassandra as concurrent async statements and waits for all of them. Statements whose
 * rows live on the same replicas go together, a few to an unlogged batch ({@link StatementGroups}).
 *
 * <p>At most {@link #WINDOW} requests of a batch (statements, or groups of them) are in flight; the rest wait here and
 * go out as earlier ones finish. The driver's throttler bounds the session as a whole, but its queue is finite: a batch that
 * handed it everything at once (200,000 follower edges laid out in one go) overflowed it, and each retry
 * wrote only what fitted, so the backlog took minutes to drain.
 *
 * <p>If any statement fails the whole call throws, so Hazelcast keeps the batch in its write-behind queue
 * and tries it again: nothing is dropped. Statements still waiting when one fails are not sent; the retry
 * will write them.
 */
final class AsyncWrites {
    /**
     * Requests of one batch in flight at once: the driver's own limit for the session (flock-cassandra.conf),
     * so one batch alone can still use all of it, and the driver's queue holds only what other batches send.
     */
    static final int WINDOW = 256;

    private final CqlSession session;
    private final int window;

    /** Statements added before the batch is awaited wait here for company ({@link StatementGroups}); guards itself. */
    private final StatementGroups groups;

    /** Whether added statements may still join a group: until the batch is awaited. Guarded by {@code groups}. */
    private boolean grouping = true;

    private final Queue<Statement<?>> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    /** Statements and stages added and not yet done, plus one for the caller until it awaits. */
    private final AtomicInteger outstanding = new AtomicInteger(1);

    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final Queue<Consumer<Boolean>> outcomes = new ConcurrentLinkedQueue<>();

    AsyncWrites(CqlSession session) {
        this(session, WINDOW);
    }

    AsyncWrites(CqlSession session, int window) {
        this.session = session;
        this.window = window;
        this.groups = new StatementGroups(session);
    }

    /** Thread-safe, so a stage's callback may add the statements it decided on. */
    AsyncWrites add(Statement<?> statement) {
        Statement<?> ready;
        synchronized (groups) {
            ready = grouping ? groups.add(statement) : statement;
        }
        if (ready != null) {
            send(ready);
        }
        return this;
    }

    private void send(Statement<?> statement) {
        outstanding.incrementAndGet();
        waiting.add(statement);
        sendWhileRoom();
    }

    /**
     * A write that is more than one statement (one that reads first, say), done when the stage is. The
     * stage's own statements should be added here before it completes, so that they share the window.
     */
    AsyncWrites add(CompletionStage<?> stage) {
        outstanding.incrementAndGet();
        stage.whenComplete((ignored, error) -> finished(error));
        return this;
    }

    /**
     * Runs once the batch is awaited, told whether every statement of it was applied (a store that remembers what it
     * wrote must forget it when some were not).
     */
    AsyncWrites afterwards(Consumer<Boolean> outcome) {
        outcomes.add(outcome);
        return this;
    }

    /** For a batch given up before it was awaited (building a statement threw): it counts as failed. */
    void abandon() {
        outcomes.forEach(outcome -> outcome.accept(false));
    }

    /** Waits for every statement; throws {@link StoreFailedException} naming the first failure. */
    void awaitAll(String what) {
        List<Statement<?>> rest;
        synchronized (groups) {
            grouping = false; // a stage's statements added from now on go at once: nothing would send a group later
            rest = groups.drain();
        }
        rest.forEach(this::send);
        finished(null);
        try {
            done.join();
        } catch (CompletionException e) {
            outcomes.forEach(outcome -> outcome.accept(false));
            throw new StoreFailedException(what + " could not be written to Cassandra: " + e.getCause(), e.getCause());
        }
        outcomes.forEach(outcome -> outcome.accept(true));
    }

    private void sendWhileRoom() {
        while (true) {
            int sending = inFlight.get();
            if (sending >= window) {
                return; // a statement in flight calls this again when it finishes
            }
            if (!inFlight.compareAndSet(sending, sending + 1)) {
                continue;
            }
            Statement<?> next = waiting.poll();
            if (next == null) {
                inFlight.decrementAndGet();
                if (waiting.isEmpty()) {
                    return;
                }
                continue; // added after the poll by a thread that saw the window full
            }
            if (failure.get() != null) {
                inFlight.decrementAndGet();
                finished(null); // the batch has failed: the retry writes this one
                continue;
            }
            session.executeAsync(next).whenComplete((ignored, error) -> {
                inFlight.decrementAndGet();
                finished(error);
                sendWhileRoom();
            });
        }
    }

    private void finished(Throwable error) {
        if (error != null) {
            failure.compareAndSet(
                    null, error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
        }
        if (outstanding.decrementAndGet() == 0) {
            Throwable first = failure.get();
            if (first == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(first);
            }
        }
    }
}
