package flock.domain.timeline;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * The newest tweets of an author's timeline as one reader's home feed gets them (a rebuild): without the author's
 * replies to accounts the reader does not follow, as the fan-out would have left them out ({@link FeedReader}), and
 * with what each of its reposts reposts.
 * Answers null when the author has no timeline.
 */
public record ReadFeedSource(int limit, long readerId, long[] readerFollows)
        implements EntryProcessor<Long, Timeline, FeedSource>, ReadOnly {

    public static ReadFeedSource of(FeedReader reader, int limit) {
        return new ReadFeedSource(limit, reader.id(), reader.follows());
    }

    @Override
    public FeedSource process(Map.Entry<Long, Timeline> entry) {
        Timeline timeline = entry.getValue();
        if (timeline == null) {
            return null;
        }
        long[] ids = timeline.page(Long.MAX_VALUE, 0, limit, new FeedReader(readerId, readerFollows));
        return new FeedSource(ids, timeline.repostIds(), timeline.repostOf(), timeline.truncated());
    }

    @Override
    public EntryProcessor<Long, Timeline, FeedSource> getBackupProcessor() {
        return null;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<ReadFeedSource> {
        @Override
        public ReadFeedSource read(CompactReader reader) {
            return new ReadFeedSource(
                    reader.readInt32("limit"), reader.readInt64("readerId"), reader.readArrayOfInt64("readerFollows"));
        }

        @Override
        public void write(CompactWriter writer, ReadFeedSource processor) {
            writer.writeInt32("limit", processor.limit());
            writer.writeInt64("readerId", processor.readerId());
            writer.writeArrayOfInt64("readerFollows", processor.readerFollows());
        }

        @Override
        public String getTypeName() {
            return "flock.ReadFeedSource";
        }

        @Override
        public Class<ReadFeedSource> getCompactClass() {
            return ReadFeedSource.class;
        }
    }
}
