package flock.apinode.engagement;

import com.hazelcast.map.IMap;
import flock.domain.engagement.BucketKey;
import flock.domain.engagement.BucketSize;
import flock.domain.engagement.Counted;
import flock.domain.engagement.ReportBucket;
import flock.domain.engagement.TweetStats;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reports likers buckets' sizes into tweets' counts, grouped: while one report of a bucket is in flight, the reports
 * that arrive for the same bucket wait, and the next call carries only the newest of them. A viral tweet's likes then
 * cost its counts one call per bucket and round trip from each API node, not one per like; and each like is still
 * answered only once a report that covers it is in the grid (a report with at least its change count), so an
 * acknowledged like is counted whatever happens to this node afterwards.
 */
final class CountReports {
    private final IMap<Long, TweetStats> stats;
    private final ConcurrentHashMap<BucketKey, Slot> slots = new ConcurrentHashMap<>();

    CountReports(IMap<Long, TweetStats> stats) {
        this.stats = stats;
    }

    /** Completes once a report of this bucket at least as new as {@code size} is in the tweet's counts. */
    CompletableFuture<Void> report(BucketKey bucket, BucketSize size) {
        while (true) {
            Slot slot = slots.computeIfAbsent(bucket, key -> new Slot());
            CompletableFuture<Void> done;
            boolean send;
            synchronized (slot) {
                if (slot.closed) {
                    continue; // emptied and removed just now: take a fresh one
                }
                if (slot.waiting == null || size.changes() > slot.waiting.changes()) {
                    slot.waiting = size;
                }
                if (slot.waitingDone == null) {
                    slot.waitingDone = new CompletableFuture<>();
                }
                done = slot.waitingDone;
                send = !slot.inFlight;
                slot.inFlight = true;
            }
            if (send) {
                sendNext(bucket, slot);
            }
            return done;
        }
    }

    private void sendNext(BucketKey bucket, Slot slot) {
        BucketSize size;
        CompletableFuture<Void> done;
        synchronized (slot) {
            size = slot.waiting;
            done = slot.waitingDone;
            slot.waiting = null;
            slot.waitingDone = null;
        }
        stats.submitToKey(bucket.tweetId(), ReportBucket.of(Counted.LIKES, bucket.bucket(), size))
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        done.completeExceptionally(failure);
                    } else {
                        done.complete(null);
                    }
                    boolean more;
                    synchronized (slot) {
                        more = slot.waiting != null;
                        if (!more) {
                            slot.inFlight = false;
                            slot.closed = true;
                            slots.remove(bucket, slot);
                        }
                    }
                    if (more) {
                        sendNext(bucket, slot);
                    }
                });
    }

    /** One bucket's reports: the newest waiting, the callers waiting for it, and whether a call is out. */
    private static final class Slot {
        BucketSize waiting;
        CompletableFuture<Void> waitingDone;
        boolean inFlight;
        boolean closed;
    }
}
