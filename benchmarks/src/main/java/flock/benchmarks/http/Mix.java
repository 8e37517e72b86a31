package flock.benchmarks.http;

/**
 * A workload mix: the share of home-timeline reads, user-timeline reads and posts.
 *
 * @param name how the report names it
 * @param home share of home-timeline page reads
 * @param user share of user-timeline page reads
 * @param post share of posts
 */
public record Mix(String name, double home, double user, double post) {
    /** Pages of 10, as in DeathStarBench's social network. */
    public static final int PAGE = 10;

    /** DeathStarBench's social-network mix: 60% home-timeline reads, 30% user-timeline reads, 10% posts. */
    public static final Mix DEATH_STAR_BENCH = new Mix("DeathStarBench 60/30/10", 0.6, 0.3, 0.1);

    /**
     * Read-heavy: 100 tweets read per tweet posted, as the design's 200M users reading 100 tweets a day
     * implies; with pages of 10 that is 10 home-page reads per post.
     */
    public static final Mix READ_HEAVY = new Mix("read-heavy 100 reads/post", 10.0 / 11, 0, 1.0 / 11);

    /**
     * Posts only: what a post costs each design end to end (the write, the fan-out, and for Flock the write-behind and
     * the backups), with no read to hide it.
     */
    public static final Mix POSTS_ONLY = new Mix("posts only", 0, 0, 1);

    /** Home-page reads only: the hot path, and the only call the ceiling has. */
    public static final Mix HOME_ONLY = new Mix("home pages only", 1, 0, 0);

    public Mix {
        if (Math.abs(home + user + post - 1) > 1e-9) {
            throw new IllegalArgumentException("shares must add up to 1: " + home + " + " + user + " + " + post);
        }
    }
}
