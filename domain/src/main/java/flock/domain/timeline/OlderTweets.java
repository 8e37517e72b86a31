package flock.domain.timeline;

/**
 * The part of an author's timeline that memory no longer keeps: ids older than the newest 800, read from
 * the system of record. Members that persist to Cassandra put an implementation in their user context under
 * {@link #USER_CONTEXT_KEY}; {@link ReadAuthorTweets} finds it there.
 */
@FunctionalInterface
public interface OlderTweets {
    String USER_CONTEXT_KEY = "flock.olderTweets";

    /** The author's tweet ids below {@code maxId} and above {@code sinceId}, newest first, at most {@code limit}. */
    long[] authorTweetsBefore(long authorId, long maxId, long sinceId, int limit);

    /**
     * The same for a home feed's reader: without the replies to accounts the reader does not follow ({@link
     * FeedReader}); null for every tweet. Stores that keep no reply audience show every tweet.
     */
    default long[] authorTweetsBefore(long authorId, long maxId, long sinceId, int limit, FeedReader reader) {
        return authorTweetsBefore(authorId, maxId, sinceId, limit);
    }
}
