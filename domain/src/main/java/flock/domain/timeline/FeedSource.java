package flock.domain.timeline;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

/**
 * An author's newest tweets as a rebuilt home feed takes them ({@link ReadFeedSource}): the ids, which of them are
 * reposts of what (so the rebuild keeps the feed's repost rules), and whether older ones exist in Cassandra.
 *
 * @param repostIds the reposts among {@code ids}, ascending
 * @param repostOf parallel to {@code repostIds}: the tweet each reposts
 */
public record FeedSource(long[] ids, long[] repostIds, long[] repostOf, boolean truncated) {

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<FeedSource> {
        @Override
        public FeedSource read(CompactReader reader) {
            return new FeedSource(
                    reader.readArrayOfInt64("ids"),
                    reader.readArrayOfInt64("repostIds"),
                    reader.readArrayOfInt64("repostOf"),
                    reader.readBoolean("truncated"));
        }

        @Override
        public void write(CompactWriter writer, FeedSource source) {
            writer.writeArrayOfInt64("ids", source.ids());
            writer.writeArrayOfInt64("repostIds", source.repostIds());
            writer.writeArrayOfInt64("repostOf", source.repostOf());
            writer.writeBoolean("truncated", source.truncated());
        }

        @Override
        public String getTypeName() {
            return "flock.FeedSource";
        }

        @Override
        public Class<FeedSource> getCompactClass() {
            return FeedSource.class;
        }
    }
}
