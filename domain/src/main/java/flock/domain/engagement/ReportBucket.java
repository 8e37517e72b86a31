package flock.domain.engagement;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/** Takes a bucket's size into the tweet's {@link TweetStats}, unless the stats hold a newer report of it. */
public record ReportBucket(Counted kind, int bucket, int size, long changes)
        implements EntryProcessor<Long, TweetStats, Void> {

    public static ReportBucket of(Counted kind, int bucket, BucketSize report) {
        return new ReportBucket(kind, bucket, report.size(), report.changes());
    }

    @Override
    public Void process(Map.Entry<Long, TweetStats> entry) {
        TweetStats current = entry.getValue() == null ? TweetStats.empty() : entry.getValue();
        TweetStats next = current.withBucket(kind, bucket, new BucketSize(size, changes));
        if (next != current) {
            entry.setValue(next);
        }
        return null;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<ReportBucket> {
        @Override
        public ReportBucket read(CompactReader reader) {
            return new ReportBucket(
                    Counted.of(reader.readInt32("kind")),
                    reader.readInt32("bucket"),
                    reader.readInt32("size"),
                    reader.readInt64("changes"));
        }

        @Override
        public void write(CompactWriter writer, ReportBucket processor) {
            writer.writeInt32("kind", processor.kind().ordinal());
            writer.writeInt32("bucket", processor.bucket());
            writer.writeInt32("size", processor.size());
            writer.writeInt64("changes", processor.changes());
        }

        @Override
        public String getTypeName() {
            return "flock.ReportBucket";
        }

        @Override
        public Class<ReportBucket> getCompactClass() {
            return ReportBucket.class;
        }
    }
}
