package flock.domain.engagement;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/** A tweet's like count, read where its {@link TweetStats} live (0 for a tweet nobody liked). */
public record CountLikes() implements EntryProcessor<Long, TweetStats, Integer>, ReadOnly {

    @Override
    public Integer process(Map.Entry<Long, TweetStats> entry) {
        return entry.getValue() == null ? 0 : entry.getValue().likes();
    }

    @Override
    public EntryProcessor<Long, TweetStats, Integer> getBackupProcessor() {
        return null;
    }

    /** Compact form: no fields. */
    public static final class Serializer implements CompactSerializer<CountLikes> {
        @Override
        public CountLikes read(CompactReader reader) {
            return new CountLikes();
        }

        @Override
        public void write(CompactWriter writer, CountLikes processor) {}

        @Override
        public String getTypeName() {
            return "flock.CountLikes";
        }

        @Override
        public Class<CountLikes> getCompactClass() {
            return CountLikes.class;
        }
    }
}
