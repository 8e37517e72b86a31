package flock.domain.timeline;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

/**
 * Home feeds one writer changed in one call, published after the call completed on the members. Numbered per
 * publisher, so a reader that sees a number skipped (a message lost) or going backwards knows it may have missed a
 * change and must forget everything it cached.
 *
 * @param publisher the publishing instance (a member or an API node), unique for its life
 * @param sequence 1 for the publisher's first message, then one more for each
 * @param feeds the user ids whose feeds changed
 */
public record FeedChanges(String publisher, long sequence, long[] feeds) {

    /** Compact form: one message per fan-out call per API node. */
    public static final class Serializer implements CompactSerializer<FeedChanges> {
        @Override
        public FeedChanges read(CompactReader reader) {
            return new FeedChanges(
                    reader.readString("publisher"), reader.readInt64("sequence"), reader.readArrayOfInt64("feeds"));
        }

        @Override
        public void write(CompactWriter writer, FeedChanges changes) {
            writer.writeString("publisher", changes.publisher());
            writer.writeInt64("sequence", changes.sequence());
            writer.writeArrayOfInt64("feeds", changes.feeds());
        }

        @Override
        public String getTypeName() {
            return "flock.FeedChanges";
        }

        @Override
        public Class<FeedChanges> getCompactClass() {
            return FeedChanges.class;
        }
    }
}
