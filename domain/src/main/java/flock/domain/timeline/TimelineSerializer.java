package flock.domain.timeline;

import com.hazelcast.nio.serialization.FieldKind;
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
        if (reader.getFieldKind("narrowedIds") == FieldKind.ARRAY_OF_INT64) { // none before replies existed
            long[] narrowedIds = reader.readArrayOfInt64("narrowedIds");
            long[] narrowedTo = reader.readArrayOfInt64("narrowedTo");
            for (int i = 0; i < narrowedIds.length; i++) {
                timeline.narrow(narrowedIds[i], narrowedTo[i]);
            }
        }
        if (reader.getFieldKind("repostIds") == FieldKind.ARRAY_OF_INT64) { // none before reposts existed
            long[] repostIds = reader.readArrayOfInt64("repostIds");
            long[] repostOf = reader.readArrayOfInt64("repostOf");
            for (int i = 0; i < repostIds.length; i++) {
                timeline.markRepost(repostIds[i], repostOf[i]);
            }
        }
        return timeline;
    }

    @Override
    public void write(CompactWriter writer, Timeline timeline) {
        writer.writeArrayOfInt64("ids", timeline.toArray());
        writer.writeArrayOfInt64("pulledAuthors", timeline.pulledAuthors());
        writer.writeInt64("lastReadMillis", timeline.lastReadMillis());
        writer.writeBoolean("truncated", timeline.truncated());
        writer.writeInt64("tweetCount", timeline.tweetCount());
        writer.writeArrayOfInt64("narrowedIds", timeline.narrowedIds());
        writer.writeArrayOfInt64("narrowedTo", timeline.narrowedTo());
        writer.writeArrayOfInt64("repostIds", timeline.repostIds());
        writer.writeArrayOfInt64("repostOf", timeline.repostOf());
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
