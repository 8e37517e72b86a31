package flock.domain;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/** Counts a follow list on its owner, so a profile read does not ship the whole list. */
public record CountFollows() implements EntryProcessor<Long, FollowList, Integer>, ReadOnly {

    @Override
    public Integer process(Map.Entry<Long, FollowList> entry) {
        FollowList list = entry.getValue();
        return list == null ? 0 : list.size();
    }

    @Override
    public EntryProcessor<Long, FollowList, Integer> getBackupProcessor() {
        return null;
    }

    /** Compact form (no fields; the type name is the whole message). */
    public static final class Serializer implements CompactSerializer<CountFollows> {
        @Override
        public CountFollows read(CompactReader reader) {
            return new CountFollows();
        }

        @Override
        public void write(CompactWriter writer, CountFollows processor) {}

        @Override
        public String getTypeName() {
            return "flock.CountFollows";
        }

        @Override
        public Class<CountFollows> getCompactClass() {
            return CountFollows.class;
        }
    }
}
