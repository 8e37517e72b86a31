package flock.analytics;

import java.util.List;
import java.util.Optional;

/**
 * The analysts' example queries: {@code ./flock sql --example NAME} runs one, docs/sql.md shows each with its output on
 * the demo data, SqlExamplesTest checks each against data it wrote, and {@code ./flock bench --sql} times the ones
 * over tweets. Times are epoch milliseconds; a query over recent tweets takes its start as a parameter.
 *
 * <p>Joins look profiles up by {@code users.__key}: a join on the key is one lookup per row, a join on any other column
 * a predicate scan of the profiles per batch of rows (over a million tweets it did not finish in ten minutes). The top
 * posters aggregate before they join, so the lookups are one per author, not one per tweet.
 */
public final class ExampleQueries {
    /**
     * @param window for a query over recent tweets, how far back it looks: its one parameter ({@code ?}) is now less
     *     the window, in epoch milliseconds (Hazelcast SQL has no clock function); zero for a query without one
     */
    public record Example(String name, String title, String sql, long window) {
        /** The query's parameters when run at {@code now} (epoch milliseconds). */
        public Object[] parameters(long now) {
            return window == 0 ? new Object[0] : new Object[] {now - window};
        }
    }

    private static final long HOUR = 3_600_000L;

    public static final Example TOP_POSTERS = new Example(
            "top-posters",
            "top posters of the last hour",
            "SELECT u.handle, p.posted FROM (SELECT author_id, COUNT(*) AS posted FROM tweets"
                    + " WHERE created_at > ? GROUP BY author_id) p"
                    + " JOIN users u ON u.__key = p.author_id ORDER BY p.posted DESC, u.handle LIMIT 10",
            HOUR);

    public static final Example FOLLOWER_BUCKETS = new Example(
            "follower-buckets",
            "accounts by follower count, in buckets",
            "SELECT CASE WHEN COALESCE(f.followers, 0) = 0 THEN '0' WHEN f.followers < 10 THEN '1-9'"
                    + " WHEN f.followers < 100 THEN '10-99' WHEN f.followers < 1000 THEN '100-999' ELSE '1000+' END"
                    + " AS followers, COUNT(*) AS accounts FROM users u LEFT JOIN follower_counts f ON f.user_id = u.id"
                    + " GROUP BY 1 ORDER BY MIN(COALESCE(f.followers, 0))",
            0);

    public static final Example TWEETS_PER_MINUTE = new Example(
            "tweets-per-minute",
            "tweets per minute over the last hour",
            "SELECT TO_TIMESTAMP_TZ(created_at / 60000 * 60000) AS minute_start, COUNT(*) AS posted FROM tweets"
                    + " WHERE created_at > ? GROUP BY created_at / 60000 * 60000 ORDER BY minute_start",
            HOUR);

    public static final Example MOST_FOLLOWED = new Example(
            "most-followed",
            "the most-followed accounts",
            "SELECT u.handle, f.followers FROM follower_counts f JOIN users u ON u.__key = f.user_id"
                    + " ORDER BY f.followers DESC, u.handle LIMIT 10",
            0);

    public static final Example ACTIVE_TODAY = new Example(
            "active-today",
            "users who posted in the last 24 hours",
            "SELECT COUNT(DISTINCT author_id) AS active FROM tweets WHERE created_at > ?",
            24 * HOUR);

    /** Tweets of the last hour through the index on their time, each one lookup of its counts by key. */
    public static final Example MOST_LIKED = new Example(
            "most-liked",
            "the most liked tweets of the last hour",
            "SELECT t.id, u.handle, s.likes, t.text FROM tweets t JOIN tweet_stats s ON s.__key = t.id"
                    + " JOIN users u ON u.__key = t.author_id WHERE t.created_at > ? AND s.likes > 0"
                    + " ORDER BY s.likes DESC, t.id DESC LIMIT 10",
            HOUR);

    /** Each inbox's counts, kept as columns so that no array is read; one profile lookup per row shown. */
    public static final Example MOST_UNREAD = new Example(
            "most-unread",
            "the accounts with the most unread notifications",
            "SELECT u.handle, n.unread, n.groups_kept FROM notifications n JOIN users u ON u.__key = n.__key"
                    + " WHERE n.unread > 0 ORDER BY n.unread DESC, u.handle LIMIT 10",
            0);

    public static final List<Example> ALL = List.of(
            TOP_POSTERS, FOLLOWER_BUCKETS, TWEETS_PER_MINUTE, MOST_FOLLOWED, ACTIVE_TODAY, MOST_LIKED, MOST_UNREAD);

    private ExampleQueries() {}

    public static Optional<Example> named(String name) {
        return ALL.stream().filter(example -> example.name().equals(name)).findFirst();
    }
}
