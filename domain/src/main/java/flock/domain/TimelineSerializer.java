package flock.domain;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

/** Compact form of {@link Timeline}: only the used part of the array travels. */
public final class TimelineSerializer implements CompactSerializer<Timeline> {
    @Override
    public Timeline read(CompactReader reader) {
        long[] ids = reader.readArrayOfInt64("ids");
        return Timeline.ofNewestFirst(ids, ids.length);
    }

    @Override
    public void write(CompactWriter writer, Timeline timeline) {
        writer.writeArrayOfInt64("ids", timeline.toArray());
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
