package flock.domain.timeline;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Puts a rebuilt home feed in memory. It merges rather than replaces: tweets fanned out while the
 * rebuild read the author timelines are already in the entry and must not be lost.
 *
 * @param newestFirst the ids gathered from the followed accounts' timelines, strictly descending
 * @param pulledAuthors the followed accounts in pull mode, merged in at read
 * @param readAtMillis the read that caused the rebuild
 * @param truncated whether the sources held more than the feed keeps
 * @param repostIds the reposts among {@code newestFirst}, ascending, already through the feed's repost rules
 * @param repostOf parallel to {@code repostIds}: the tweet each reposts
 */
public record InstallRebuiltFeed(
        long[] newestFirst,
        long[] pulledAuthors,
        long readAtMillis,
        boolean truncated,
        long[] repostIds,
        long[] repostOf)
        implements EntryProcessor<Long, Timeline, Void> {

    @Override
    public Void process(Map.Entry<Long, Timeline> entry) {
        Timeline feed = entry.getValue() == null ? Timeline.empty() : entry.getValue();
        feed.mergeNewestFirst(newestFirst);
        for (int i = 0; i < repostIds.length; i++) {
            if (feed.contains(repostIds[i])) {
                feed.markRepost(repostIds[i], repostOf[i]);
            }
        }
        for (long author : pulledAuthors) {
            feed.setPulled(author, true);
        }
        feed.markRead(readAtMillis);
        if (truncated) {
            feed.markTruncated();
        }
        entry.setValue(feed);
        return null;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<InstallRebuiltFeed> {
        @Override
        public InstallRebuiltFeed read(CompactReader reader) {
            return new InstallRebuiltFeed(
                    reader.readArrayOfInt64("newestFirst"),
                    reader.readArrayOfInt64("pulledAuthors"),
                    reader.readInt64("readAtMillis"),
                    reader.readBoolean("truncated"),
                    reader.readArrayOfInt64("repostIds"),
                    reader.readArrayOfInt64("repostOf"));
        }

        @Override
        public void write(CompactWriter writer, InstallRebuiltFeed processor) {
            writer.writeArrayOfInt64("newestFirst", processor.newestFirst());
            writer.writeArrayOfInt64("pulledAuthors", processor.pulledAuthors());
            writer.writeArrayOfInt64("repostIds", processor.repostIds());
            writer.writeArrayOfInt64("repostOf", processor.repostOf());
            writer.writeInt64("readAtMillis", processor.readAtMillis());
            writer.writeBoolean("truncated", processor.truncated());
        }

        @Override
        public String getTypeName() {
            return "flock.InstallRebuiltFeed";
        }

        @Override
        public Class<InstallRebuiltFeed> getCompactClass() {
            return InstallRebuiltFeed.class;
        }
    }
}
