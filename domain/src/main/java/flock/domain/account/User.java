package flock.domain.account;

import java.util.Objects;

/**
 * A user's public profile as the grid and Cassandra hold it. The follower and following counts are not
 * stored here: they are the sizes of the follow lists, so they can never disagree with the edges.
 *
 * @param createdAt epoch milliseconds
 * @param tweetCount tweets posted and not deleted
 */
public record User(long id, String handle, String displayName, long createdAt, long tweetCount) {
    public User {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(displayName, "displayName");
        if (tweetCount < 0) {
            throw new IllegalArgumentException("tweetCount must not be negative: " + tweetCount);
        }
    }

    public User withTweetCount(long newCount) {
        return new User(id, handle, displayName, createdAt, Math.max(0, newCount));
    }
}
