package flock.domain.account;

import java.util.Objects;

/**
 * A user's public profile as the grid and Cassandra hold it. No count is stored here: the follower and
 * following counts are the sizes of the follow lists, and the tweet count is kept with the author's own
 * timeline, which every post changes anyway; so a profile changes only when its owner edits it, and stays in
 * every API node's near cache.
 *
 * @param createdAt epoch milliseconds
 */
public record User(long id, String handle, String displayName, long createdAt) {
    public User {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(displayName, "displayName");
    }
}
