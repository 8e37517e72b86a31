package flock.mapstores;

import com.datastax.oss.driver.api.core.CqlSession;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.partition.IPartitionService;
import com.hazelcast.jet.impl.util.Util;
import com.hazelcast.map.MapLoaderLifecycleSupport;
import com.hazelcast.map.MapStore;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.LongSupplier;

/**
 * What every Flock MapStore shares: single writes go through the batch path, a batch is sent as
 * concurrent async statements and awaited as one, loads are read-through (no key is loaded up front:
 * at 200M users the grid holds what is being used, and Cassandra the rest).
 */
abstract class CassandraMapStore<K, V> implements MapStore<K, V>, MapLoaderLifecycleSupport {
    protected final CqlSession session;
    private final String what;
    private final Timer stores;
    private final Timer deletes;

    CassandraMapStore(CqlSession session, String what) {
        this.session = session;
        this.what = what;
        this.stores = timer(what, "store");
        this.deletes = timer(what, "delete");
    }

    /**
     * How long a write-behind batch takes to reach Cassandra ({@code flock_writebehind_batch_seconds{map,op}}), the
     * store latency an operator watches beside the queue sizes. A failed batch is timed too: it stays queued.
     */
    private static Timer timer(String map, String op) {
        return Timer.builder("flock.writebehind.batch")
                .description("Write-behind batches sent to Cassandra and awaited, per map and operation")
                .tags("map", map, "op", op)
                .publishPercentileHistogram()
                .minimumExpectedValue(java.time.Duration.ofMillis(1))
                .maximumExpectedValue(java.time.Duration.ofSeconds(30))
                .register(Metrics.globalRegistry);
    }

    /** Called by Hazelcast on the member that runs this store, before it loads or stores anything. */
    @Override
    public final void init(HazelcastInstance member, Properties properties, String mapName) {
        IPartitionService partitions = Util.getNodeEngine(member).getPartitionService();
        partitionTableStamp(partitions::getPartitionStateStamp);
        started(member.getConfig().getMapConfig(mapName));
    }

    @Override
    public final void destroy() {}

    /**
     * The member's partition table stamp, which changes whenever a partition changes owner: a store that remembers what
     * it wrote trusts it only while the stamp stays ({@link LastStored}).
     */
    void partitionTableStamp(LongSupplier stamp) {}

    /** The store's map as configured on this member, once the member starts the store. */
    void started(MapConfig map) {}

    /** Adds the statements that persist one entry. */
    abstract void write(AsyncWrites writes, K key, V value);

    /** Adds the statements that delete one entry. */
    abstract void erase(AsyncWrites writes, K key);

    @Override
    public final void store(K key, V value) {
        storeAll(Map.of(key, value));
    }

    @Override
    public final void storeAll(Map<K, V> entries) {
        stores.record(() -> {
            AsyncWrites writes = new AsyncWrites(session);
            try {
                entries.forEach((key, value) -> write(writes, key, value));
            } catch (RuntimeException e) {
                writes.abandon();
                throw e;
            }
            writes.awaitAll(entries.size() + " " + what);
        });
    }

    @Override
    public final void delete(K key) {
        deleteAll(List.of(key));
    }

    @Override
    public final void deleteAll(Collection<K> keys) {
        deletes.record(() -> {
            AsyncWrites writes = new AsyncWrites(session);
            try {
                keys.forEach(key -> erase(writes, key));
            } catch (RuntimeException e) {
                writes.abandon();
                throw e;
            }
            writes.awaitAll(keys.size() + " " + what + " deletes");
        });
    }

    @Override
    public Map<K, V> loadAll(Collection<K> keys) {
        Map<K, V> found = new HashMap<>();
        for (K key : keys) {
            V value = load(key);
            if (value != null) {
                found.put(key, value);
            }
        }
        return found;
    }

    @Override
    public final Iterable<K> loadAllKeys() {
        return null;
    }
}
