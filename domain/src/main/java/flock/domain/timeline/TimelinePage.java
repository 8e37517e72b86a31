package flock.domain.timeline;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

/**
 * One page of a timeline as its owner answers it: the ids, and whether older entries exist than the
 * timeline keeps (a page that runs off its end continues from Cassandra). Home feeds add the accounts whose
 * tweets the reader merges in (pull mode) and whether the last-read time is old enough to be renewed.
 */
public record TimelinePage(long[] ids, long[] pulledAuthors, boolean readMarkStale, boolean truncated) {

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<TimelinePage> {
        @Override
        public TimelinePage read(CompactReader reader) {
            return new TimelinePage(
                    reader.readArrayOfInt64("ids"),
                    reader.readArrayOfInt64("pulledAuthors"),
                    reader.readBoolean("readMarkStale"),
                    reader.readBoolean("truncated"));
        }

        @Override
        public void write(CompactWriter writer, TimelinePage page) {
            writer.writeArrayOfInt64("ids", page.ids());
            writer.writeArrayOfInt64("pulledAuthors", page.pulledAuthors());
            writer.writeBoolean("readMarkStale", page.readMarkStale());
            writer.writeBoolean("truncated", page.truncated());
        }

        @Override
        public String getTypeName() {
            return "flock.TimelinePage";
        }

        @Override
        public Class<TimelinePage> getCompactClass() {
            return TimelinePage.class;
        }
    }
}
