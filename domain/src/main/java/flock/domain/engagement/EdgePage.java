package flock.domain.engagement;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

/**
 * A page of engagement edges, newest first: the other end of each edge (the tweets an account liked, or the accounts
 * that liked a tweet) and the edge's id, which orders them in time and is the cursor of the next page.
 */
public record EdgePage(long[] otherIds, long[] edgeIds) {
    public static final EdgePage EMPTY = new EdgePage(new long[0], new long[0]);

    public EdgePage {
        if (otherIds.length != edgeIds.length) {
            throw new IllegalArgumentException("otherIds and edgeIds must be parallel arrays");
        }
    }

    public int size() {
        return otherIds.length;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<EdgePage> {
        @Override
        public EdgePage read(CompactReader reader) {
            return new EdgePage(reader.readArrayOfInt64("otherIds"), reader.readArrayOfInt64("edgeIds"));
        }

        @Override
        public void write(CompactWriter writer, EdgePage page) {
            writer.writeArrayOfInt64("otherIds", page.otherIds());
            writer.writeArrayOfInt64("edgeIds", page.edgeIds());
        }

        @Override
        public String getTypeName() {
            return "flock.EdgePage";
        }

        @Override
        public Class<EdgePage> getCompactClass() {
            return EdgePage.class;
        }
    }
}
