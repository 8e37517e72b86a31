package flock.domain;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Reads one page of a home feed on its owner. Read-only, so a feed read sends no backup: the last-read
 * time is renewed by a separate {@link MarkFeedRead} only when this reports it older than
 * {@code markStaleBefore}, which is about once an hour per active reader.
 *
 * <p>Answers null when the feed is not in memory, which tells the caller to rebuild it.
 */
public record ReadHomePage(long maxId, long sinceId, int limit, long markStaleBefore)
        implements EntryProcessor<Long, Timeline, HomePage>, ReadOnly {

    @Override
    public HomePage process(Map.Entry<Long, Timeline> entry) {
        Timeline feed = entry.getValue();
        if (feed == null) {
            return null;
        }
        return new HomePage(
                feed.page(maxId, sinceId, limit),
                feed.pulledAuthors(),
                feed.lastReadMillis() < markStaleBefore,
                feed.truncated());
    }

    @Override
    public EntryProcessor<Long, Timeline, HomePage> getBackupProcessor() {
        return null;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<ReadHomePage> {
        @Override
        public ReadHomePage read(CompactReader reader) {
            return new ReadHomePage(
                    reader.readInt64("maxId"),
                    reader.readInt64("sinceId"),
                    reader.readInt32("limit"),
                    reader.readInt64("markStaleBefore"));
        }

        @Override
        public void write(CompactWriter writer, ReadHomePage processor) {
            writer.writeInt64("maxId", processor.maxId());
            writer.writeInt64("sinceId", processor.sinceId());
            writer.writeInt32("limit", processor.limit());
            writer.writeInt64("markStaleBefore", processor.markStaleBefore());
        }

        @Override
        public String getTypeName() {
            return "flock.ReadHomePage";
        }

        @Override
        public Class<ReadHomePage> getCompactClass() {
            return ReadHomePage.class;
        }
    }
}
