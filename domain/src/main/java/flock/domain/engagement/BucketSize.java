package flock.domain.engagement;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

/** A likers bucket's size, and its change count, which orders two reports of the same bucket's size. */
public record BucketSize(int size, long changes) {

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<BucketSize> {
        @Override
        public BucketSize read(CompactReader reader) {
            return new BucketSize(reader.readInt32("size"), reader.readInt64("changes"));
        }

        @Override
        public void write(CompactWriter writer, BucketSize size) {
            writer.writeInt32("size", size.size());
            writer.writeInt64("changes", size.changes());
        }

        @Override
        public String getTypeName() {
            return "flock.BucketSize";
        }

        @Override
        public Class<BucketSize> getCompactClass() {
            return BucketSize.class;
        }
    }
}
