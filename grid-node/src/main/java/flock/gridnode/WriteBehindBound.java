package flock.gridnode;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.impl.HazelcastInstanceImpl;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.map.IMap;
import com.hazelcast.map.MapInterceptor;
import com.hazelcast.map.ReachedMaxSizeException;
import com.hazelcast.map.impl.MapService;
import com.hazelcast.map.impl.MapServiceContext;
import com.hazelcast.spi.impl.NodeEngineImpl;
import flock.domain.MapNames;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Refuses a new tweet (the API answers 503 and Retry-After) once this member's partitions hold
 * {@code flock.write-behind.max-queued-tweets} tweets not yet in Cassandra: while Cassandra is down, the tweets map's
 * write-behind queue is the one that grows with every post, and without a bound it would grow until the member ran out
 * of heap.
 *
 * <p>Hazelcast bounds only non-coalescing write-behind queues, and stores those one entry at a time (a Cassandra round
 * trip per tweet, whatever the batch size). The tweets map coalesces, so that its queue goes to Cassandra in batches,
 * and this bound is Flock's own: the size of the queue on the member's own partitions, read every
 * {@value #SAMPLE_EVERY_MILLIS} ms, plus the tweets this member accepted since, so that a burst between two readings
 * cannot pass it.
 *
 * <p>Each member registers its own on its own map container ({@link #register}). Hazelcast sends the interceptors of a
 * map to members that join; such a copy has nothing to read and admits everything until that member registers its own,
 * which it does as it starts.
 */
final class WriteBehindBound implements MapInterceptor {
    static final String ID = "flock-write-behind-bound";

    /** How often the queue's size is read: a reading walks every partition's record store, too much for every put. */
    static final long SAMPLE_EVERY_MILLIS = 100;

    private final transient QueuedTweets queued;
    private final long bound;

    private WriteBehindBound(QueuedTweets queued, long bound) {
        this.queued = queued;
        this.bound = bound;
    }

    /**
     * Registers this member's bound on its tweets map, in place of any that came with the cluster's interceptors, and
     * starts reading its queue. The reader is a daemon thread; it stops with the member.
     */
    static void register(HazelcastInstance member, long maxQueuedTweets) {
        QueuedTweets queued = new QueuedTweets(member.getMap(MapNames.TWEETS));
        ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("flock-write-behind-bound").factory());
        reader.scheduleWithFixedDelay(
                () -> {
                    if (member.getLifecycleService().isRunning()) {
                        queued.read();
                    } else {
                        reader.shutdown();
                    }
                },
                0,
                SAMPLE_EVERY_MILLIS,
                TimeUnit.MILLISECONDS);
        MapServiceContext maps = nodeEngineOf(member)
                .<MapService>getService(MapService.SERVICE_NAME)
                .getMapServiceContext();
        maps.removeInterceptor(MapNames.TWEETS, ID);
        maps.addInterceptor(ID, MapNames.TWEETS, new WriteBehindBound(queued, maxQueuedTweets));
    }

    @Override
    public Object interceptPut(Object oldValue, Object newValue) {
        QueuedTweets counted = queued;
        if (counted == null || oldValue != null) {
            return null; // a copy sent by another member, or not a new tweet
        }
        long now = counted.estimate();
        if (now >= bound) {
            throw new ReachedMaxSizeException(
                    "this member holds " + now + " tweets not yet in Cassandra (new tweets stop at " + bound + ")");
        }
        counted.accepted();
        return null; // the value as given
    }

    @Override
    public Object interceptGet(Object value) {
        return null;
    }

    @Override
    public void afterGet(Object value) {}

    @Override
    public void afterPut(Object value) {}

    @Override
    public Object interceptRemove(Object removedValue) {
        return null;
    }

    @Override
    public void afterRemove(Object value) {}

    private static NodeEngineImpl nodeEngineOf(HazelcastInstance instance) {
        HazelcastInstanceImpl member = instance instanceof HazelcastInstanceProxy proxy
                ? proxy.getOriginal()
                : (HazelcastInstanceImpl) instance;
        return member.node.getNodeEngine();
    }

    /** One registration per member whoever sends it: Hazelcast names an interceptor by its class and hash. */
    @Override
    public int hashCode() {
        return ID.hashCode();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WriteBehindBound;
    }

    /** The tweets queued on this member's own partitions: the last reading plus what was accepted since. */
    static final class QueuedTweets {
        private final IMap<?, ?> tweets;
        private final AtomicLong acceptedSinceReading = new AtomicLong();
        private volatile long reading;

        QueuedTweets(IMap<?, ?> tweets) {
            this.tweets = tweets;
        }

        /** A put accepted since may or may not be in the reading: counted anyway, the next reading corrects it. */
        void read() {
            long accepted = acceptedSinceReading.get();
            reading = tweets.getLocalMapStats().getDirtyEntryCount();
            acceptedSinceReading.addAndGet(-accepted);
        }

        long estimate() {
            return reading + acceptedSinceReading.get();
        }

        void accepted() {
            acceptedSinceReading.incrementAndGet();
        }
    }
}
