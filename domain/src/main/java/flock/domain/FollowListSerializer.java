package flock.domain;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

/** Compact form of {@link FollowList}. */
public final class FollowListSerializer implements CompactSerializer<FollowList> {
    @Override
    public FollowList read(CompactReader reader) {
        return new FollowList(reader.readArrayOfInt64("userIds"), reader.readArrayOfInt64("edgeIds"));
    }

    @Override
    public void write(CompactWriter writer, FollowList list) {
        writer.writeArrayOfInt64("userIds", list.userIds());
        writer.writeArrayOfInt64("edgeIds", list.edgeIds());
    }

    @Override
    public String getTypeName() {
        return "flock.FollowList";
    }

    @Override
    public Class<FollowList> getCompactClass() {
        return FollowList.class;
    }
}
