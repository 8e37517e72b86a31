package flock.domain;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

/**
 * One page of a home feed as its owner answers it: the pushed ids, the accounts whose tweets the reader
 * must merge in (pull mode), whether the feed's last-read time is old enough to be renewed, and whether
 * older entries exist than the feed keeps (a page that runs off its end continues from Cassandra).
 */
public record HomePage(long[] ids, long[] pulledAuthors, boolean readMarkStale, boolean truncated) {

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<HomePage> {
        @Override
        public HomePage read(CompactReader reader) {
            return new HomePage(
                    reader.readArrayOfInt64("ids"),
                    reader.readArrayOfInt64("pulledAuthors"),
                    reader.readBoolean("readMarkStale"),
                    reader.readBoolean("truncated"));
        }

        @Override
        public void write(CompactWriter writer, HomePage page) {
            writer.writeArrayOfInt64("ids", page.ids());
            writer.writeArrayOfInt64("pulledAuthors", page.pulledAuthors());
            writer.writeBoolean("readMarkStale", page.readMarkStale());
            writer.writeBoolean("truncated", page.truncated());
        }

        @Override
        public String getTypeName() {
            return "flock.HomePage";
        }

        @Override
        public Class<HomePage> getCompactClass() {
            return HomePage.class;
        }
    }
}
