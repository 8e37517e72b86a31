package flock.benchmarks.load;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Writes the history of a {@link Dataset} straight into Flock's tables, as an import from another system
 * would: the accounts each user follows, the tweets, and each author's tweet index. The grid then loads
 * them (read-through) like after a restart, so that importing history sets off no fan-out and no backfill;
 * those run on what users do from then on.
 */
final class CassandraImport {
    /** Statements in flight at once: enough to keep a small Cassandra busy without timing it out. */
    private static final int IN_FLIGHT = 128;

    private final CqlSession session;
    private final Semaphore permits = new Semaphore(IN_FLIGHT);

    CassandraImport(CqlSession session) {
        this.session = session;
    }

    void importFollowing(Dataset data, long[][] edges) {
        PreparedStatement insert =
                session.prepare("INSERT INTO following (user_id, edge_id, other_id) VALUES (?, ?, ?)");
        Progress progress = new Progress("following (Cassandra)", data.graph.edges());
        for (int u = 0; u < data.users(); u++) {
            for (int i = 0; i < edges[u].length; i++) {
                send(insert.bind(data.userIds[u], edges[u][i], data.userIds[data.graph.followee(u, i)]));
            }
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
                send(tweet.bind(
                        id, author, data.text(id), Instant.ofEpochMilli(GridLoader.createdAt(id)), List.<Long>of()));
                send(byAuthor.bind(author, id));
            }
            progress.advance(data.tweets[u].length);
        }
        drain();
        progress.finish();
    }

    private void send(BoundStatement statement) {
        permits.acquireUninterruptibly();
        CompletableFuture<?> done = session.executeAsync(statement).toCompletableFuture();
        done.whenComplete((result, failure) -> {
            permits.release();
            if (failure != null) {
                System.err.println("import: a write failed: " + failure);
            }
        });
    }

    private void drain() {
        permits.acquireUninterruptibly(IN_FLIGHT);
        permits.release(IN_FLIGHT);
    }
}
