package flock.domain;

/**
 * What Flock's ids say about when they were made. Every id (users, tweets, follows, likes) comes from Hazelcast's flake
 * id generator: 41 bits of milliseconds since 2018-01-01 UTC above 22 bits of sequence and node.
 */
public final class FlakeIds {
    /** 2018-01-01T00:00:00Z, where flake ids count from. */
    public static final long EPOCH_MILLIS = 1_514_764_800_000L;

    private FlakeIds() {}

    /** The moment the id was made, in epoch milliseconds. */
    public static long millisOf(long flakeId) {
        return (flakeId >> 22) + EPOCH_MILLIS;
    }
}
