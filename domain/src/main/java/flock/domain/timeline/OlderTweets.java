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
}
