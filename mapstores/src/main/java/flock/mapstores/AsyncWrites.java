package flock.mapstores;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Sends a write-behind batch to Cassandra as concurrent async statements and waits for all of them.
 * The driver's throttler bounds how many are in flight. If any statement fails the whole call throws,
 * so Hazelcast keeps the batch in its write-behind queue and tries it again: nothing is dropped.
 */
final class AsyncWrites {
    private final CqlSession session;
    private final List<CompletableFuture<?>> pending = new ArrayList<>();

    AsyncWrites(CqlSession session) {
        this.session = session;
    }

    AsyncWrites add(Statement<?> statement) {
        pending.add(session.executeAsync(statement).toCompletableFuture());
        return this;
    }

    /** A write that is more than one statement (one that reads first, say), done when the stage is. */
    AsyncWrites add(CompletionStage<?> stage) {
        pending.add(stage.toCompletableFuture());
        return this;
    }

    /** Waits for every statement; throws {@link StoreFailedException} naming the first failure. */
    void awaitAll(String what) {
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw new StoreFailedException(what + " could not be written to Cassandra: " + e.getCause(), e.getCause());
        } finally {
            pending.clear();
        }
    }
}
