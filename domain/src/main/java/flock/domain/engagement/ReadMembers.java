package flock.domain.engagement;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/** Every member of one bucket (the reposts of a deleted tweet, to take them away too), in no particular order. */
public record ReadMembers() implements EntryProcessor<BucketKey, EdgeBucket, long[]>, ReadOnly {

    @Override
    public long[] process(Map.Entry<BucketKey, EdgeBucket> entry) {
        return entry.getValue() == null ? new long[0] : entry.getValue().actorIds();
    }

    @Override
    public EntryProcessor<BucketKey, EdgeBucket, long[]> getBackupProcessor() {
        return null;
    }

    /** Compact form: nothing to carry. */
    public static final class Serializer implements CompactSerializer<ReadMembers> {
        @Override
        public ReadMembers read(CompactReader reader) {
            return new ReadMembers();
        }

        @Override
        public void write(CompactWriter writer, ReadMembers processor) {}

        @Override
        public String getTypeName() {
            return "flock.ReadMembers";
        }

        @Override
        public Class<ReadMembers> getCompactClass() {
            return ReadMembers.class;
        }
    }
}
