package flock.pipelines;

import com.hazelcast.internal.serialization.DataSerializerHook;
import com.hazelcast.nio.serialization.DataSerializableFactory;

/**
 * Registers the fan-out's operation factory with every Hazelcast instance that has this module on its class path
 * (found through {@code META-INF/services/com.hazelcast.DataSerializerHook}, as Hazelcast registers its own): a member
 * must know how to read it when another member's fan-out sends it its partitions' share.
 */
public final class PipelineSerializerHook implements DataSerializerHook {
    /** Flock's factory id ("FLK"), apart from Hazelcast's own, which are negative. */
    public static final int FACTORY_ID = 0x464C4B;

    public static final int FEED_UPDATES_BY_PARTITION = 1;

    @Override
    public int getFactoryId() {
        return FACTORY_ID;
    }

    @Override
    public DataSerializableFactory createFactory() {
        return classId -> classId == FEED_UPDATES_BY_PARTITION ? new FeedUpdatesByPartition() : null;
    }
}
