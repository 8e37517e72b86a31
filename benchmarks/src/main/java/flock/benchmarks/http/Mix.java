package flock.benchmarks.http;

/**
 * A workload mix: the share of each kind of request.
 *
 * @param name how the report names it
 * @param home share of home-timeline page reads
 * @param user share of user-timeline page reads
 * @param like share of likes of a tweet by an account the user follows
 * @param reply share of replies to such a tweet
 * @param repost share of reposts of such a tweet
 * @param post share of posts
 */
public record Mix(String name, double home, double user, double like, double reply, double repost, double post) {
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

    /** Likes only: what a like costs each design, with nothing else to share the machine with. */
    public static final Mix LIKES_ONLY = new Mix("likes only", 0, 0, 1, 0, 0, 0);

    /**
     * Reads with the reactions a read leads to: likes are the most common write, about four for every tweet (an
     * estimate of ten likes per daily user a day, against 2.5 tweets: 500 million tweets a day over 200 million
     * users), and the tweets are posts, replies and reposts in equal shares. Every page carries each tweet's counts
     * and the reader's state, so the likes and reposts are read back by the pages around them.
     */
    public static final Mix ENGAGEMENT = new Mix(
            "engagement 54/16/24/2/2/2 (home, user, like, reply, repost, post)", 0.54, 0.16, 0.24, 0.02, 0.02, 0.02);

    public Mix {
        double sum = home + user + like + reply + repost + post;
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("shares must add up to 1, not " + sum);
        }
    }

    /** A mix of reads and posts alone. */
    public Mix(String name, double home, double user, double post) {
        this(name, home, user, 0, 0, 0, post);
    }

    /** Whether the mix writes tweets that fan out (posts, replies, reposts). */
    public boolean fansOut() {
        return post + reply + repost > 0;
    }

    /** Whether the mix likes, replies or reposts: only the systems that keep engagement can run it. */
    public boolean engages() {
        return like + reply + repost > 0;
    }
}
