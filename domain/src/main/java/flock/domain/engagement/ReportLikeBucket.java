package flock.domain.engagement;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/** Takes a likers bucket's size into the tweet's {@link TweetStats}, unless the stats hold a newer report of it. */
public record ReportLikeBucket(int bucket, int size, long changes) implements EntryProcessor<Long, TweetStats, Void> {

    public static ReportLikeBucket of(int bucket, BucketSize report) {
        return new ReportLikeBucket(bucket, report.size(), report.changes());
    }

    @Override
    public Void process(Map.Entry<Long, TweetStats> entry) {
        TweetStats current = entry.getValue() == null ? TweetStats.empty() : entry.getValue();
        TweetStats next = current.withLikeBucket(bucket, new BucketSize(size, changes));
        if (next != current) {
            entry.setValue(next);
        }
        return null;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<ReportLikeBucket> {
        @Override
        public ReportLikeBucket read(CompactReader reader) {
            return new ReportLikeBucket(
                    reader.readInt32("bucket"), reader.readInt32("size"), reader.readInt64("changes"));
        }

        @Override
        public void write(CompactWriter writer, ReportLikeBucket processor) {
            writer.writeInt32("bucket", processor.bucket());
            writer.writeInt32("size", processor.size());
            writer.writeInt64("changes", processor.changes());
        }

        @Override
        public String getTypeName() {
            return "flock.ReportLikeBucket";
        }

        @Override
        public Class<ReportLikeBucket> getCompactClass() {
            return ReportLikeBucket.class;
        }
    }
}
