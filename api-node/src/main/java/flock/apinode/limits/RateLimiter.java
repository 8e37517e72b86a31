package flock.apinode.limits;

import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import flock.domain.MapNames;
import flock.domain.limits.DrawTokens;
import flock.domain.limits.RateShard;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Token buckets per account and per client address, kept in the grid ({@link MapNames#RATE_LIMITS}) so that every
 * API node counts against the same ones. A grid call per request would double the cost of a page read, so each node
 * admits from its local view of a bucket ({@link LocalBucket}) and every {@link LimitSettings#sync()} reports what it
 * admitted, one {@link DrawTokens} per {@link RateShard} it touched (at most 256 calls, however many clients), and
 * learns from the answers what the other nodes admitted. A client's first request on a node reads its bucket.
 * A client far from its limit is reported only every {@link #QUIET_REPORT} ({@link LocalBucket#reportDue}); one
 * whose admitted requests reach an eighth of what the node sees left, at the next sync.
 * The price: across N nodes a client can exceed its limit by what it sends to each node within one sync (200 ms by
 * default) plus an eighth of what each node saw left, after which it owes the excess.
 *
 * <p>When the grid cannot answer, the limiter lets requests through (and reports them later): the requests will meet
 * the same grid and get its 503, and a limiter that refused everything would hide that cause behind 429s.
 */
public final class RateLimiter implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());
    private static final long EVICT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** How long a node keeps what it admitted to itself while the client is far from its limit. */
    static final Duration QUIET_REPORT = Duration.ofSeconds(5);

    private final IMap<Integer, RateShard> grid;
    private final LimitSettings settings;
    private final ConcurrentHashMap<Object, LocalBucket> buckets = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<LocalBucket> toSync = new ConcurrentLinkedQueue<>();
    /**
     * Buckets queued whose report is not due yet (a client far from its limit is reported every {@link
     * #QUIET_REPORT}): the sync thread's own list, looked at again every sync. Put back on {@link #toSync} instead, each
     * of thousands of such buckets cost a queue node and two atomic operations five times a second.
     */
    private final List<LocalBucket> waiting = new ArrayList<>();

    private final ScheduledExecutorService syncer;
    private long lastEvictionNanos = System.nanoTime();
    private volatile long lastWarningNanos = System.nanoTime() - WARN_EVERY_NANOS;

    public RateLimiter(HazelcastInstance grid, LimitSettings settings) {
        this.grid = grid.getMap(MapNames.RATE_LIMITS);
        this.settings = settings;
        this.syncer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("flock-rate-limit-sync").factory());
        long every = settings.sync().toMillis();
        syncer.scheduleWithFixedDelay(this::sync, every, every, TimeUnit.MILLISECONDS);
    }

    /** The bucket of an authenticated user (a boxed id is the key: no string built per request). */
    public LocalBucket forAccount(long userId) {
        Long key = userId;
        LocalBucket bucket = buckets.get(key);
        return bucket != null ? bucket : fetch(key, "u:" + userId, settings.account());
    }

    /** The uploads bucket of an authenticated user, drawn from besides its account's by every upload. */
    public LocalBucket forUploads(long userId) {
        UploadsOf key = new UploadsOf(userId); // uploads are rare: a small key object per upload is no cost
        LocalBucket bucket = buckets.get(key);
        return bucket != null ? bucket : fetch(key, "m:" + userId, settings.uploads());
    }

    /** The local key of a user's uploads bucket, apart from the user's own bucket (a plain Long). */
    private record UploadsOf(long userId) {}

    /**
     * The bucket of a client address, for requests without a valid token: an {@link InetAddress} (the connection's
     * peer) or the text of a proxy's header.
     */
    public LocalBucket forAddress(Object address) {
        LocalBucket bucket = buckets.get(address);
        if (bucket != null) {
            return bucket;
        }
        String text = address instanceof InetAddress inet ? inet.getHostAddress() : address.toString();
        return fetch(address, "a:" + text, settings.address());
    }

    /** Takes a token if the bucket has one; answers the level before (admitted when at least 1). */
    public double tryTake(LocalBucket bucket, long nowNanos) {
        double level = bucket.tryTake(nowNanos);
        if (level >= 1 && bucket.claimQueueSlot()) {
            toSync.offer(bucket);
        }
        return level;
    }

    @Override
    public void close() {
        syncer.shutdownNow();
    }

    /** The first request of a client on this node reads its bucket from the grid; the other nodes may have drawn on it. */
    private LocalBucket fetch(Object key, String gridKey, LimitSettings.Limit limit) {
        double level;
        try {
            level = grid.executeOnKey(
                            RateShard.of(gridKey),
                            DrawTokens.read(
                                    gridKey, limit.requests(), limit.period().toMillis()))[0];
        } catch (HazelcastException e) {
            warn("could not read a rate-limit bucket; admitting until the grid answers", e);
            level = limit.requests();
        }
        LocalBucket fresh = new LocalBucket(gridKey, limit, level, System.nanoTime());
        LocalBucket raced = buckets.putIfAbsent(key, fresh);
        return raced == null ? fresh : raced;
    }

    /** Reports every bucket with admitted requests the grid has not counted; the answers bring back the levels. */
    private void sync() {
        try {
            LocalBucket queued;
            while ((queued = toSync.poll()) != null) {
                waiting.add(queued);
            }
            takeDue(System.nanoTime()).forEach(this::report);
            long now = System.nanoTime();
            if (now - lastEvictionNanos > EVICT_EVERY_NANOS) {
                lastEvictionNanos = now;
                buckets.values().removeIf(idle -> idle.idleSince(now));
            }
        } catch (RuntimeException e) {
            warn("rate-limit sync failed; retrying with the next", e);
        }
    }

    /** Takes the buckets whose report is due out of {@link #waiting}, by shard; the others stay for a later sync. */
    private Map<Integer, List<LocalBucket>> takeDue(long due) {
        Map<Integer, List<LocalBucket>> byShard = new HashMap<>();
        long quietNanos = Math.max(QUIET_REPORT.toNanos(), settings.sync().toNanos());
        int kept = 0;
        int i = 0;
        try {
            for (; i < waiting.size(); i++) {
                LocalBucket bucket = waiting.get(i);
                if (!bucket.reportDue(due, quietNanos)) {
                    if (kept != i) { // most syncs report none: no write, and no collector's barrier, for those
                        waiting.set(kept, bucket);
                    }
                    kept++;
                } else if (bucket.takeUnsent(due) > 0) {
                    byShard.computeIfAbsent(RateShard.of(bucket.gridKey), shard -> new ArrayList<>())
                            .add(bucket);
                } // else a report is in flight; its answer queues the bucket again if more was admitted meanwhile
            }
        } finally {
            while (i < waiting.size()) { // should the loop fail, the buckets it had not looked at stay queued
                waiting.set(kept++, waiting.get(i++));
            }
            waiting.subList(kept, waiting.size()).clear();
        }
        return byShard;
    }

    private void report(int shard, List<LocalBucket> reported) {
        int n = reported.size();
        String[] clients = new String[n];
        int[] spent = new int[n];
        int[] capacities = new int[n];
        long[] periods = new long[n];
        for (int i = 0; i < n; i++) {
            LocalBucket bucket = reported.get(i);
            clients[i] = bucket.gridKey;
            spent[i] = bucket.inFlight();
            capacities[i] = bucket.limit.requests();
            periods[i] = bucket.limit.period().toMillis();
        }
        long sentAt = System.nanoTime();
        grid.submitToKey(shard, new DrawTokens(clients, spent, capacities, periods))
                .whenComplete((levels, error) -> {
                    if (error != null) {
                        warn("could not report admitted requests to the grid; they go with the next sync", error);
                    }
                    for (int i = 0; i < n; i++) {
                        LocalBucket bucket = reported.get(i);
                        if (error == null) {
                            bucket.synced(levels[i], sentAt);
                        } else {
                            bucket.failed();
                        }
                        if (bucket.claimQueueSlot()) {
                            toSync.offer(bucket);
                        }
                    }
                });
    }

    /** At most one warning a minute: an unreachable grid must not flood the log from every request. */
    private void warn(String message, Throwable error) {
        long now = System.nanoTime();
        if (now - lastWarningNanos > WARN_EVERY_NANOS) {
            lastWarningNanos = now;
            LOG.log(Level.WARNING, message, error);
        }
    }
}
