package flock.domain.timeline;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.spi.impl.SerializationServiceSupport;
import com.hazelcast.topic.ITopic;
import flock.domain.MapNames;

/**
 * What every writer of home feeds calls once its change completed on the members: one numbered message naming the
 * feeds, for the API nodes' caches of feed heads. Each publisher numbers its own messages under a name of its own
 * (a random UUID: a restarted job's writer is a new publisher), and publishes them one at a time, so the numbers go
 * out in order.
 */
public final class FeedChangePublisher {
    private final ITopic<FeedChanges> topic;
    private final String publisher;
    private long sequence;

    public FeedChangePublisher(HazelcastInstance instance) { // any member or client
        this.topic = instance.getTopic(MapNames.FEED_CHANGES);
        this.publisher = java.util.UUID.randomUUID().toString();
        // The first message a cluster sees registers FeedChanges' Compact schema with every member first: a blocking
        // call. Done here, not under the lock below: there, on the common pool where the follow backfill's callbacks
        // run, the callers queued behind the lock took the threads that registration needed, and the member hung
        // (a fresh cluster's first follows did it).
        if (instance instanceof SerializationServiceSupport support) {
            support.getSerializationService().toData(new FeedChanges(publisher, 0, new long[0]));
        }
    }

    /**
     * Says what a fan-out call did to each feed ({@code feeds} ascending, laid out as {@link FeedChanges} has it),
     * so that readers can patch the heads they cache; nothing is sent for no feed.
     */
    public synchronized void applied(long[] feeds, int[] ends, long[] updates) {
        if (feeds.length > 0) {
            topic.publish(new FeedChanges(publisher, ++sequence, feeds, ends, updates));
        }
    }

    /** Names the feeds changed; nothing is sent for none. */
    public synchronized void changed(long... feeds) {
        if (feeds.length > 0) {
            topic.publish(new FeedChanges(publisher, ++sequence, feeds));
        }
    }
}
