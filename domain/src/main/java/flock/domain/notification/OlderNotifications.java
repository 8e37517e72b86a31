package flock.domain.notification;

/**
 * The groups an inbox no longer keeps in memory, read from the system of record. Members that persist to Cassandra put
 * an implementation in their user context under {@link #USER_CONTEXT_KEY}; {@link ReadNotifications} finds it there.
 */
@FunctionalInterface
public interface OlderNotifications {
    String USER_CONTEXT_KEY = "flock.olderNotifications";

    /**
     * The user's groups below {@code maxId} of the kinds in {@code kindMask}, newest first, at most {@code limit}, as
     * an inbox page ({@link Inbox#page}).
     */
    Inbox groupsBefore(long userId, long maxId, int limit, int kindMask);
}
