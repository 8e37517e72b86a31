package flock.benchmarks.load;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes the history of a {@link Dataset} straight into Flock's tables, as an import from another system
 * would: the accounts each user follows, the tweets, and each author's tweet index. The grid then loads
 * them (read-through) like after a restart, so that importing history sets off no fan-out and no backfill;
 * those run on what users do from then on.
 *
 * <p>Rows go in unlogged batches of one partition each where the table allows (a user's follows, an
 * author's index), and in small mixed batches for the tweets: one statement per row kept a 2-core Cassandra
 * at about 2,000 rows a second, most of it spent per request, not per row.
 */
final class CassandraImport {
    /** Batches in flight at once: enough to keep a small Cassandra busy without timing it out. */
    private static final int IN_FLIGHT = 32;

    /** Rows per batch: under Cassandra's 5 KB batch-size warning for these rows (about 100 bytes each). */
    private static final int ROWS_PER_BATCH = 40;

    private final CqlSession session;
    private final Semaphore permits = new Semaphore(IN_FLIGHT);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private BatchStatementBuilder batch = newBatch();

    CassandraImport(CqlSession session) {
        this.session = session;
    }

    void importFollowing(Dataset data, long[][] edges) {
        PreparedStatement insert =
                session.prepare("INSERT INTO following (user_id, edge_id, other_id) VALUES (?, ?, ?)");
        Progress progress = new Progress("following (Cassandra)", data.graph.edges());
        for (int u = 0; u < data.users(); u++) {
            for (int i = 0; i < edges[u].length; i++) {
                add(insert.bind(data.userIds[u], edges[u][i], data.userIds[data.graph.followee(u, i)]));
            }
            flush(); // one partition per batch
            progress.advance(edges[u].length);
        }
        drain();
        progress.finish();
    }

    void importTweets(Dataset data) {
        PreparedStatement tweet = session.prepare(
                "INSERT INTO tweets (id, author_id, text, created_at, media_ids) VALUES (?, ?, ?, ?, ?)");
        PreparedStatement byAuthor =
                session.prepare("INSERT INTO tweets_by_author (author_id, tweet_id) VALUES (?, ?)");
        Progress progress = new Progress("tweets (Cassandra)", data.tweetCount());
        for (int u = 0; u < data.users(); u++) {
            long author = data.userIds[u];
            for (long id : data.tweets[u]) {
                add(byAuthor.bind(author, id));
            }
            flush(); // the author's index: one partition
            for (long id : data.tweets[u]) {
                add(tweet.bind(
                        id, author, data.text(id), Instant.ofEpochMilli(GridLoader.createdAt(id)), List.<Long>of()));
            }
            progress.advance(data.tweets[u].length);
        }
        drain();
        progress.finish();
    }

    private void add(BoundStatement statement) {
        batch.addStatement(statement);
        if (batch.getStatementsCount() == ROWS_PER_BATCH) {
            flush();
        }
    }

    private void flush() {
        if (batch.getStatementsCount() == 0) {
            return;
        }
        BatchStatement full = batch.build();
        batch = newBatch();
        permits.acquireUninterruptibly();
        CompletableFuture<?> done = session.executeAsync(full).toCompletableFuture();
        done.whenComplete((result, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
            permits.release();
        });
    }

    private void drain() {
        flush();
        permits.acquireUninterruptibly(IN_FLIGHT);
        permits.release(IN_FLIGHT);
        if (failure.get() != null) { // an import with holes would skew every measurement after it
            throw new IllegalStateException("importing into Cassandra failed", failure.get());
        }
    }

    private static BatchStatementBuilder newBatch() {
        return BatchStatement.builder(BatchType.UNLOGGED);
    }
}
