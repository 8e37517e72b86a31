package flock.apinode.limits;

/**
 * One API node's view of a client's bucket in the grid: the level the grid last answered, refilled locally since,
 * less the requests this node admitted that the grid has not counted yet. Admitting a request is a local step (no
 * grid call on the request path); {@link RateLimiter} reports the admitted requests to the grid (at the next sync once
 * they are a notable share of what is left, else every few seconds) and learns from the answer what the other nodes
 * admitted.
 */
public final class LocalBucket {
    public final String gridKey;
    public final LimitSettings.Limit limit;
    private final double perNano;
    private double levelAtSync;
    private long syncedAtNanos;
    private int unsent;
    private int inFlight;
    private boolean queued;
    private long lastUsedNanos;
    private long reportedAtNanos;

    public LocalBucket(String gridKey, LimitSettings.Limit limit, double level, long nowNanos) {
        this.gridKey = gridKey;
        this.limit = limit;
        this.perNano = limit.perNano();
        this.levelAtSync = level;
        this.syncedAtNanos = nowNanos;
        this.lastUsedNanos = nowNanos;
        this.reportedAtNanos = nowNanos;
    }

    /**
     * Takes a token if there is one. Answers the level before the take: the request is admitted when it is at
     * least 1. A refused request takes nothing, so a client that keeps knocking is admitted again once it waits.
     */
    public synchronized double tryTake(long nowNanos) {
        double level = level(nowNanos);
        lastUsedNanos = nowNanos;
        if (level >= 1) {
            unsent++;
        }
        return level;
    }

    /** Whether the caller must queue this bucket for the next sync: it has unsent requests and is not queued. */
    public synchronized boolean claimQueueSlot() {
        if (queued || unsent == 0) {
            return false;
        }
        queued = true;
        return true;
    }

    /**
     * Whether the requests this node admitted must be reported at this sync: once they are an eighth of what this node
     * sees left (the other nodes must learn of them before the bucket runs dry), or {@code quietNanos} after the last
     * report. A client far from its limit, as nearly every client is, is reported every few seconds instead of every
     * sync: with thousands of active clients those reports were a steady load on the members and a burst on the API
     * node five times a second (5% of its samples in a profile of the home-pages benchmark), for a limit none of them
     * was near.
     */
    public synchronized boolean reportDue(long nowNanos, long quietNanos) {
        return unsent > 0 && (unsent * URGENT_SHARE >= level(nowNanos) || nowNanos - reportedAtNanos >= quietNanos);
    }

    /** The share of what is left a node may admit before the next sync must report it: one eighth. */
    static final int URGENT_SHARE = 8;

    /** The requests to report now; 0 while an earlier report is still in flight (answers must not cross). */
    public synchronized int takeUnsent(long nowNanos) {
        queued = false;
        if (inFlight > 0 || unsent == 0) {
            return 0;
        }
        inFlight = unsent;
        unsent = 0;
        reportedAtNanos = nowNanos;
        return inFlight;
    }

    /** The requests of the report in flight. */
    public synchronized int inFlight() {
        return inFlight;
    }

    /** The grid counted the report sent at {@code sentAtNanos} and answered the level after it. */
    public synchronized void synced(double level, long sentAtNanos) {
        levelAtSync = level;
        syncedAtNanos = sentAtNanos;
        inFlight = 0;
    }

    /** The report did not reach the grid: its requests are reported again with the next one. */
    public synchronized void failed() {
        unsent += inFlight;
        inFlight = 0;
    }

    /** Idle for a whole period and nothing left to report: the grid's bucket is full again, this view is useless. */
    public synchronized boolean idleSince(long nowNanos) {
        return unsent == 0
                && inFlight == 0
                && nowNanos - lastUsedNanos > limit.period().toNanos();
    }

    private double level(long nowNanos) {
        double refilled = Math.min(limit.requests(), levelAtSync + (nowNanos - syncedAtNanos) * perNano);
        return refilled - unsent - inFlight;
    }
}
