package flock.domain.notification;

/**
 * One group of an {@link Inbox}, as a reader sees it.
 *
 * @param id the id of the group's newest event (a tweet's, a like's or a follow's flake id): it orders groups, pages
 *     them, and the read marker compares against it
 * @param count events counted in the group: distinct accounts for follows, events seen for likes and reposts (the API
 *     shows the tweet's own count for those), 1 for the rest
 * @param actors the newest accounts of the group, newest first, at most {@link Inbox#ACTORS_SHOWN}
 */
public record NotificationGroup(
        long id, NotificationKind kind, long subject, long latestAt, int count, long[] actors) {}
