package flock.gridnode;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.instance.impl.HazelcastInstanceImpl;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.map.MapInterceptor;
import com.hazelcast.map.ReachedMaxSizeException;
import com.hazelcast.map.impl.MapService;
import com.hazelcast.map.impl.MapServiceContext;
import com.hazelcast.map.impl.mapstore.writebehind.NodeWideUsedCapacityCounter;
import com.hazelcast.spi.impl.NodeEngineImpl;
import com.hazelcast.spi.properties.ClusterProperty;
import flock.domain.MapNames;

/**
 * Refuses a new tweet once this member's write-behind queues hold a third of Hazelcast's own bound
 * ({@code hazelcast.map.write.behind.queue.capacity}), so that Hazelcast's bound is never reached.
 *
 * <p>Why: when a batch fails to store (Cassandra down), Hazelcast takes it out of the queue, and puts it back at the
 * front once the store gave up; puts that arrive in between take the room it freed, and if that fills the bound, the
 * putting back throws and the batch is dropped (Hazelcast's {@code StoreWorker.reAddFailedStoreOperationsToQueues}:
 * "TODO what if capacity is exceeded during addFirst"). CassandraOutageIT saw acknowledged tweets lost that way. With
 * new tweets stopped at a third, a failed batch (at most the queue: a third) and the backups other members send
 * (bounded by their own third) always find room under the bound.
 *
 * <p>It reads Hazelcast's node-wide counter, an internal class, because no public API tells the size of all of a
 * member's write-behind queues at the cost of one read; {@code WriteBehindBoundTest} fails to compile or to pass if a
 * Hazelcast upgrade moves it. Each member registers its own on its own map container (see {@link #register}); one
 * that reaches a joining member with the cluster's interceptors finds that member's counter when it is given the
 * member's instance.
 */
final class WriteBehindBound implements MapInterceptor, HazelcastInstanceAware {
    static final String ID = "flock-write-behind-bound";

    /** Hazelcast's bound divided by this: where new tweets stop. */
    static final int HEADROOM_FACTOR = 3;

    private transient volatile NodeWideUsedCapacityCounter counter;
    private transient volatile long bound;

    WriteBehindBound() {}

    /** Registers this member's bound on its tweets map, in place of any that came with the cluster's interceptors. */
    static void register(HazelcastInstance member) {
        WriteBehindBound interceptor = new WriteBehindBound();
        interceptor.setHazelcastInstance(member);
        MapServiceContext maps = nodeEngine(member)
                .<MapService>getService(MapService.SERVICE_NAME)
                .getMapServiceContext();
        maps.removeInterceptor(MapNames.TWEETS, ID);
        maps.addInterceptor(ID, MapNames.TWEETS, interceptor);
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        NodeEngineImpl engine = nodeEngine(instance);
        int capacity = engine.getProperties().getInteger(ClusterProperty.MAP_WRITE_BEHIND_QUEUE_CAPACITY);
        bound = capacity / HEADROOM_FACTOR;
        counter = engine.<MapService>getService(MapService.SERVICE_NAME)
                .getMapServiceContext()
                .getNodeWideUsedCapacityCounter();
    }

    @Override
    public Object interceptPut(Object oldValue, Object newValue) {
        NodeWideUsedCapacityCounter used = counter;
        if (used != null && oldValue == null && used.currentValue() >= bound) {
            throw new ReachedMaxSizeException("this member's write-behind queues hold " + used.currentValue()
                    + " entries not yet in Cassandra (new tweets stop at " + bound + ")");
        }
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

    private static NodeEngineImpl nodeEngine(HazelcastInstance instance) {
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
}
