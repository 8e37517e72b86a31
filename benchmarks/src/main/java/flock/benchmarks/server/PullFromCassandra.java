package flock.benchmarks.server;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import flock.domain.account.User;
import flock.domain.timeline.NewestFirstMerge;
import flock.domain.tweet.Tweet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The design without a cache: a home page is computed when it is read, from Flock's own tables in
 * Cassandra. Whom the user follows, then each followed account's newest tweet ids (all queries in
 * parallel), merged by id, then the tweets and their authors by key. A post is two inserts.
 */
final class PullFromCassandra extends Baseline {
    private final CqlSession session;
    private final PreparedStatement following;
    private final PreparedStatement byAuthor;
    private final PreparedStatement tweet;
    private final PreparedStatement user;
    private final PreparedStatement insertTweet;
    private final PreparedStatement insertByAuthor;

    PullFromCassandra(CqlSession session) {
        this.session = session;
        this.following = session.prepare("SELECT other_id FROM following WHERE user_id = ?");
        this.byAuthor = session.prepare("SELECT tweet_id FROM tweets_by_author WHERE author_id = ? LIMIT ?");
        this.tweet = session.prepare("SELECT id, author_id, text, created_at FROM tweets WHERE id = ?");
        this.user = session.prepare("SELECT id, handle, display_name FROM users WHERE id = ?");
        this.insertTweet = session.prepare(
                "INSERT INTO tweets (id, author_id, text, created_at, media_ids) VALUES (?, ?, ?, ?, [])");
        this.insertByAuthor = session.prepare("INSERT INTO tweets_by_author (author_id, tweet_id) VALUES (?, ?)");
    }

    @Override
    long[] homeIds(long userId, int limit) {
        List<Long> authors = new ArrayList<>();
        authors.add(userId);
        for (Row row : session.execute(following.bind(userId))) {
            authors.add(row.getLong(0));
        }
        List<CompletableFuture<long[]>> parts = new ArrayList<>(authors.size());
        for (long author : authors) {
            parts.add(newestOf(author, limit + 1));
        }
        long[][] sources = parts.stream().map(CompletableFuture::join).toArray(long[][]::new);
        return NewestFirstMerge.merge(sources, limit + 1);
    }

    @Override
    long[] userIds(long userId, int limit) {
        return newestOf(userId, limit + 1).join();
    }

    @Override
    Map<Long, Tweet> tweets(long[] ids, int limit) {
        int shown = shown(ids, limit);
        List<CompletableFuture<Row>> rows = new ArrayList<>(shown);
        for (int i = 0; i < shown; i++) {
            rows.add(one(session.executeAsync(tweet.bind(ids[i]))));
        }
        Map<Long, Tweet> found = new HashMap<>(shown * 2);
        for (CompletableFuture<Row> pending : rows) {
            Row row = pending.join();
            if (row != null) {
                Instant created = row.getInstant(3);
                found.put(
                        row.getLong(0),
                        new Tweet(
                                row.getLong(0),
                                row.getLong(1),
                                row.getString(2),
                                created == null ? 0 : created.toEpochMilli(),
                                new long[0]));
            }
        }
        return found;
    }

    /** Pull on read keeps no engagement: its pages show no counts (the engagement mix does not run it). */
    @Override
    Hydration hydrate(Collection<Tweet> tweets, long[] counted, long reader) {
        return new Hydration(users(tweets), null);
    }

    private Map<Long, User> users(Iterable<Tweet> tweets) {
        Set<Long> authors = new LinkedHashSet<>();
        tweets.forEach(tweet -> authors.add(tweet.authorId()));
        List<CompletableFuture<Row>> rows = new ArrayList<>(authors.size());
        for (long author : authors) {
            rows.add(one(session.executeAsync(user.bind(author))));
        }
        Map<Long, User> found = new HashMap<>(authors.size() * 2);
        for (CompletableFuture<Row> pending : rows) {
            Row row = pending.join();
            if (row != null) {
                found.put(row.getLong(0), new User(row.getLong(0), row.getString(1), row.getString(2), 0));
            }
        }
        return found;
    }

    /** A post; pull on read is not asked for replies (the engagement mix does not run it). */
    @Override
    long post(long authorId, String text, long inReplyToId) {
        if (inReplyToId != 0) {
            throw new UnsupportedOperationException("pull on read keeps no replies");
        }
        long id = nextId();
        CompletableFuture<?> stored = session.executeAsync(insertTweet.bind(id, authorId, text, Instant.now()))
                .toCompletableFuture();
        session.execute(insertByAuthor.bind(authorId, id));
        stored.join();
        return id;
    }

    private CompletableFuture<long[]> newestOf(long author, int count) {
        return session.executeAsync(byAuthor.bind(author, count))
                .thenApply(result -> {
                    long[] ids = new long[result.remaining()];
                    int i = 0;
                    for (Row row : result.currentPage()) {
                        ids[i++] = row.getLong(0);
                    }
                    return ids;
                })
                .toCompletableFuture();
    }

    private static CompletableFuture<Row> one(CompletionStage<AsyncResultSet> result) {
        return result.thenApply(AsyncResultSet::one).toCompletableFuture();
    }
}
