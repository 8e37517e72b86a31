package flock.benchmarks.graph;

/**
 * The parameters of a generated social graph.
 *
 * <ul>
 *   <li>How many accounts each user follows is log-normal (sigma 1) with the given mean, at least 1 and at
 *       most {@code maxFollowing}: most users follow a few dozen accounts, a few follow thousands.
 *   <li>Whom they follow is drawn by popularity: accounts are ranked at random, and the account of rank
 *       {@code r} (from 0) is chosen with probability proportional to {@code (r + 1)^-popularityExponent}.
 *       Follower counts are then heavy-tailed (Zipf-like): at 10,000 users and exponent 0.8, the top
 *       account is followed by about two users in three, the median account by a handful.
 * </ul>
 *
 * @param users accounts in the graph
 * @param meanFollowing mean accounts followed per user
 * @param maxFollowing cap on accounts followed (Flock's own cap is 5,000)
 * @param popularityExponent the Zipf exponent of popularity; 0 is uniform, 1 very concentrated
 * @param tweetsPerUser mean tweets already posted per user (uniform from 0 to twice this)
 */
public record GraphShape(
        int users, double meanFollowing, int maxFollowing, double popularityExponent, int tweetsPerUser) {

    public GraphShape {
        if (users < 2) {
            throw new IllegalArgumentException("users must be at least 2, was " + users);
        }
        if (meanFollowing < 1 || meanFollowing > users / 2.0) {
            throw new IllegalArgumentException("meanFollowing must be in [1, users / 2], was " + meanFollowing);
        }
        if (maxFollowing < 1) {
            throw new IllegalArgumentException("maxFollowing must be at least 1, was " + maxFollowing);
        }
        if (popularityExponent < 0 || popularityExponent > 2) {
            throw new IllegalArgumentException("popularityExponent must be in [0, 2], was " + popularityExponent);
        }
        if (tweetsPerUser < 0) {
            throw new IllegalArgumentException("tweetsPerUser must not be negative, was " + tweetsPerUser);
        }
    }

    /** The benchmark's default: 20 accounts followed on average, as in DeathStarBench's social graphs. */
    public static GraphShape of(int users) {
        return new GraphShape(users, 20, 5_000, 0.8, 10);
    }
}
