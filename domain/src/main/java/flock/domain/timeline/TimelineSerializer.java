package flock.domain.timeline;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

/** Compact form of {@link Timeline}: only the used part of the id array travels. */
public final class TimelineSerializer implements CompactSerializer<Timeline> {
    @Override
    public Timeline read(CompactReader reader) {
        long[] ids = reader.readArrayOfInt64("ids");
        Timeline timeline = Timeline.ofNewestFirst(ids, ids.length);
        for (long author : reader.readArrayOfInt64("pulledAuthors")) {
            timeline.setPulled(author, true);
        }
        timeline.markRead(reader.readInt64("lastReadMillis"));
        if (reader.readBoolean("truncated")) {
            timeline.markTruncated();
        }
        timeline.setTweetCount(reader.readInt64("tweetCount"));
        return timeline;
    }

    @Override
    public void write(CompactWriter writer, Timeline timeline) {
        writer.writeArrayOfInt64("ids", timeline.toArray());
        writer.writeArrayOfInt64("pulledAuthors", timeline.pulledAuthors());
        writer.writeInt64("lastReadMillis", timeline.lastReadMillis());
        writer.writeBoolean("truncated", timeline.truncated());
        writer.writeInt64("tweetCount", timeline.tweetCount());
    }

    @Override
    public String getTypeName() {
        return "flock.Timeline";
    }

    @Override
    public Class<Timeline> getCompactClass() {
        return Timeline.class;
    }
}
