package flock.domain.timeline;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Reads one page of a home feed on its owner, so only the page (not all 800 ids) crosses the network. Answers null
 * when the feed is not in memory, which tells its reader to rebuild it. (Author timelines are read whole, from the
 * API nodes' near cache.)
 *
 * <p>Read-only, so a feed read sends no backup: a home feed's last-read time is renewed by a separate
 * {@link MarkFeedRead} only when this reports it older than {@code markStaleBefore}, which is about once an
 * hour per active reader.
 *
 * @param markStaleBefore home feeds: the last-read time below which the page says it needs renewing
 */
public record ReadTimelinePage(long maxId, long sinceId, int limit, long markStaleBefore)
        implements EntryProcessor<Long, Timeline, TimelinePage>, ReadOnly {

    @Override
    public TimelinePage process(Map.Entry<Long, Timeline> entry) {
        Timeline timeline = entry.getValue();
        if (timeline == null || timeline.beingRebuilt()) {
            return null; // a feed being rebuilt holds only what the fan-out brought since: the reader rebuilds too
        }
        return new TimelinePage(
                timeline.page(maxId, sinceId, limit),
                timeline.pulledAuthors(),
                timeline.lastReadMillis() < markStaleBefore,
                timeline.truncated());
    }

    @Override
    public EntryProcessor<Long, Timeline, TimelinePage> getBackupProcessor() {
        return null;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<ReadTimelinePage> {
        @Override
        public ReadTimelinePage read(CompactReader reader) {
            return new ReadTimelinePage(
                    reader.readInt64("maxId"),
                    reader.readInt64("sinceId"),
                    reader.readInt32("limit"),
                    reader.readInt64("markStaleBefore"));
        }

        @Override
        public void write(CompactWriter writer, ReadTimelinePage processor) {
            writer.writeInt64("maxId", processor.maxId());
            writer.writeInt64("sinceId", processor.sinceId());
            writer.writeInt32("limit", processor.limit());
            writer.writeInt64("markStaleBefore", processor.markStaleBefore());
        }

        @Override
        public String getTypeName() {
            return "flock.ReadTimelinePage";
        }

        @Override
        public Class<ReadTimelinePage> getCompactClass() {
            return ReadTimelinePage.class;
        }
    }
}
