package flock.domain.engagement;

/**
 * What a tweet's counts count, each as the sum of the sizes of {@value BucketKey#BUCKETS} buckets of edges into the
 * tweet ({@link EdgeBucket}): the accounts that like it, the replies that answer it, the quotes that quote it, the reposts that repost it.
 */
public enum Counted {
    LIKES,
    REPLIES,
    QUOTES,
    REPOSTS;

    private static final Counted[] ALL = values();

    /** By ordinal, as a report carries it. */
    public static Counted of(int ordinal) {
        return ALL[ordinal];
    }
}
