package flock.benchmarks.scaling;

import java.util.ArrayList;
import java.util.List;

/**
 * The design's 200M daily users, projected from what one size measured. Every line says its formula, so a
 * reader can redo it with other assumptions.
 *
 * @param point the largest size measured
 * @param writeBehindRowsPerSecond the full run's write-behind rate into one Cassandra node, or NaN
 */
record Projection(ScalePoint point, double writeBehindRowsPerSecond) {
    /** architecture.md: 200M daily active users, each reading about 100 tweets a day. */
    static final double USERS = 200e6;

    static final double READS_PER_USER_PER_DAY = 100;

    /** The read-heavy mix's ratio: 100 tweets read per tweet posted. */
    static final double READS_PER_POST = 100;

    /** Pages of 10 tweets, as the benchmark reads them. */
    static final double PAGE = 10;

    /** Peaks several times the average (architecture.md); three is assumed. */
    static final double PEAK = 3;

    /** A home feed holds at most 800 entries; every active user's is assumed full. */
    static final int FEED_ENTRIES = 800;

    /** A member's heap given to data: 32 GiB heaps filled to 60%, headroom for GC and migrations. */
    static final double DATA_BYTES_PER_MEMBER = 32.0 * (1L << 30) * 0.6;

    /** Cassandra's replication factor in production. */
    static final int REPLICATION = 3;

    /** Cassandra rows per tweet: the tweet and its line in the author's index. */
    static final int ROWS_PER_TWEET = 2;

    private static final double DAY = 86_400;

    double postsPerSecond() {
        return USERS * READS_PER_USER_PER_DAY / READS_PER_POST / DAY;
    }

    double feedBytes() {
        return USERS * (point.bytesPerEmptyFeed() + FEED_ENTRIES * point.bytesPerTimelineEntry()) * ScalePoint.COPIES;
    }

    double accountBytes() {
        return USERS * point.accountBytesPerUser() * ScalePoint.COPIES;
    }

    /** One day of tweets kept in memory, both copies. */
    double tweetBytes() {
        double perTweet = (double) point.tweetBytes() / point.tweets();
        return postsPerSecond() * DAY * perTweet;
    }

    double members() {
        return Math.ceil((feedBytes() + accountBytes() + tweetBytes()) / DATA_BYTES_PER_MEMBER);
    }

    /** Timeline inserts per tweet as the measured graph gave them (followers pushed to, plus the author). */
    double insertsPerPost() {
        return (double) point.timelineUpdates() / point.tweets();
    }

    /** Cores the fan-out needs at peak, at the rate measured on this machine's two shared cores. */
    double fanOutCores() {
        double perCore = point.updatesPerSecond() / 2;
        return Math.ceil(postsPerSecond() * PEAK * insertsPerPost() / perCore);
    }

    double readCores() {
        return Math.ceil(USERS * READS_PER_USER_PER_DAY / PAGE / DAY * PEAK / (point.closedLoopReads() / 2));
    }

    double cassandraNodes() {
        return Math.ceil(postsPerSecond() * PEAK * ROWS_PER_TWEET * REPLICATION / writeBehindRowsPerSecond);
    }

    /** Markdown lines: what, how much, how it was worked out. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("| quantity | projection | worked out as |");
        lines.add("|---|---:|---|");
        lines.add(row(
                "posts",
                String.format("%,.0f /s (peak %,.0f)", postsPerSecond(), postsPerSecond() * PEAK),
                "200M users x 100 reads a day / 100 reads per post / 86,400 s; peak x3"));
        lines.add(row(
                "home pages",
                String.format(
                        "%,.0f /s (peak %,.0f)",
                        USERS * READS_PER_USER_PER_DAY / PAGE / DAY,
                        USERS * READS_PER_USER_PER_DAY / PAGE / DAY * PEAK),
                "200M x 100 tweets a day / 10 per page / 86,400 s"));
        lines.add(row(
                "home feeds in memory",
                gib(feedBytes()),
                String.format(
                        "200M x (%.0f B per feed + 800 entries x %.1f B) x 2 copies",
                        point.bytesPerEmptyFeed(), point.bytesPerTimelineEntry())));
        lines.add(row(
                "profiles, credentials, follower lists",
                gib(accountBytes()),
                String.format(
                        "200M x %.0f B x 2 copies (%.0f follows per user, as measured)",
                        point.accountBytesPerUser(), (double) point.follows() / point.users())));
        lines.add(row(
                "a day of tweets in memory",
                gib(tweetBytes()),
                String.format(
                        "%,.0f tweets x %.0f B (both copies, serialized)",
                        postsPerSecond() * DAY, (double) point.tweetBytes() / point.tweets())));
        lines.add(row(
                "grid members",
                String.format("%,.0f", members()),
                "all of the above / 19.2 GiB of data per member (32 GiB heap, 60% full)"));
        lines.add(row(
                "fan-out",
                String.format("%,.0f cores", fanOutCores()),
                String.format(
                        "peak posts x %.1f inserts per post / %,.0f inserts/s per core (measured: %,.0f/s on"
                                + " 2 shared cores)",
                        insertsPerPost(), point.updatesPerSecond() / 2, point.updatesPerSecond())));
        lines.add(row(
                "home-page serving",
                String.format("%,.0f cores", readCores()),
                String.format(
                        "peak pages / %,.0f pages/s per core (closed loop at this size: %,.0f/s on 2 shared"
                                + " cores with the load generator; at the p99 bound the full run served about 40%% of its"
                                + " closed-loop rate, so budget about 2.5 times this)",
                        point.closedLoopReads() / 2, point.closedLoopReads())));
        lines.add(row(
                "Cassandra nodes (writes)",
                Double.isNaN(writeBehindRowsPerSecond)
                        ? "no full-run write-behind rate found"
                        : String.format("%,.0f", cassandraNodes()),
                String.format(
                        "peak posts x 2 rows x RF 3 / %,.0f rows/s per node (the full run's write-behind rate,"
                                + " one node sharing 2 cores with everything else: a floor)",
                        writeBehindRowsPerSecond)));
        return lines;
    }

    private static String row(String what, String value, String how) {
        return "| " + what + " | " + value + " | " + how + " |";
    }

    private static String gib(double bytes) {
        return bytes >= 1L << 40
                ? String.format("%,.1f TiB", bytes / (1L << 40))
                : String.format("%,.1f GiB", bytes / (1L << 30));
    }
}
