package flock.domain.timeline;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * An author's tweet count, read on the owner of their timeline (loaded from Cassandra first if not in memory), so
 * only a number crosses the network. Read-only: no backup.
 */
public record CountTweets() implements EntryProcessor<Long, Timeline, Long>, ReadOnly {

    @Override
    public Long process(Map.Entry<Long, Timeline> entry) {
        Timeline timeline = entry.getValue();
        return timeline == null ? 0L : timeline.tweetCount();
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<CountTweets> {
        @Override
        public CountTweets read(CompactReader reader) {
            return new CountTweets();
        }

        @Override
        public void write(CompactWriter writer, CountTweets processor) {}

        @Override
        public String getTypeName() {
            return "flock.CountTweets";
        }

        @Override
        public Class<CountTweets> getCompactClass() {
            return CountTweets.class;
        }
    }
}
