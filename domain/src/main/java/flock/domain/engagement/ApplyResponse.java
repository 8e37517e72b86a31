package flock.domain.engagement;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Puts a response to a tweet (a reply or a quote, a tweet itself) into its bucket of the tweet's replies or quotes, or
 * takes it out once deleted, and answers the bucket's size for {@link TweetStats}. A response is posted once and
 * deleted once, so its versions are fixed: 1 posted, 2 deleted; the fan-out may deliver both again (a replay) or in
 * either order, and the bucket still ends without it.
 *
 * @param responseId the reply's or quote's own id: the bucket's member and edge both
 */
public record ApplyResponse(long responseId, boolean deleted, long atMillis)
        implements EntryProcessor<BucketKey, EdgeBucket, BucketSize> {
    static final long POSTED = 1;
    static final long DELETED = 2;

    @Override
    public BucketSize process(Map.Entry<BucketKey, EdgeBucket> entry) {
        EdgeBucket current = entry.getValue() == null ? EdgeBucket.EMPTY : entry.getValue();
        EdgeBucket next = current.apply(responseId, responseId, deleted ? DELETED : POSTED, !deleted, atMillis);
        if (next != current) {
            entry.setValue(next);
        }
        return new BucketSize(next.size(), next.changes());
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<ApplyResponse> {
        @Override
        public ApplyResponse read(CompactReader reader) {
            return new ApplyResponse(
                    reader.readInt64("responseId"), reader.readBoolean("deleted"), reader.readInt64("atMillis"));
        }

        @Override
        public void write(CompactWriter writer, ApplyResponse processor) {
            writer.writeInt64("responseId", processor.responseId());
            writer.writeBoolean("deleted", processor.deleted());
            writer.writeInt64("atMillis", processor.atMillis());
        }

        @Override
        public String getTypeName() {
            return "flock.ApplyResponse";
        }

        @Override
        public Class<ApplyResponse> getCompactClass() {
            return ApplyResponse.class;
        }
    }
}
