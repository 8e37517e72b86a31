package flock.domain.timeline;

import com.hazelcast.nio.serialization.FieldKind;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

/**
 * Home feeds one writer changed in one call, published after the call completed on the members. Numbered per
 * publisher, so a reader that sees a number skipped (a message lost) or going backwards knows it may have missed a
 * change and must forget everything it cached.
 *
 * <p>The fan-out also says what it did to each feed, laid out as {@link ApplyFeedUpdates} carries it, so that a
 * reader can apply the same tweets to the head it caches instead of reading the feed again; other writers (a
 * rebuild, a follow's backfill, a pull switch) only name the feeds.
 *
 * @param publisher the publishing instance (a member or an API node), unique for its life
 * @param sequence 1 for the publisher's first message, then one more for each
 * @param feeds the user ids whose feeds changed, ascending when {@code ends} is given
 * @param ends empty when the writer only names the feeds; else for each feed where its updates end
 * @param updates the tweet ids put into the feeds, bitwise inverted ({@code ~id}) for those taken out
 */
public record FeedChanges(String publisher, long sequence, long[] feeds, int[] ends, long[] updates) {
    private static final int[] NO_ENDS = {};
    private static final long[] NO_UPDATES = {};

    public FeedChanges {
        if (ends.length != 0 && (ends.length != feeds.length || ends[ends.length - 1] != updates.length)) {
            throw new IllegalArgumentException("updates need one end per feed, the last at the end of the updates");
        }
    }

    /** A change that only names the feeds: a reader forgets what it cached of them. */
    public FeedChanges(String publisher, long sequence, long[] feeds) {
        this(publisher, sequence, feeds, NO_ENDS, NO_UPDATES);
    }

    /** Whether the message says what happened to each feed, not only which changed. */
    public boolean detailed() {
        return ends.length != 0;
    }

    /** Where the updates of the feed at {@code index} begin in {@link #updates}. */
    public int start(int index) {
        return index == 0 ? 0 : ends[index - 1];
    }

    /** Compact form: one message per fan-out call per API node. */
    public static final class Serializer implements CompactSerializer<FeedChanges> {
        @Override
        public FeedChanges read(CompactReader reader) {
            String publisher = reader.readString("publisher");
            long sequence = reader.readInt64("sequence");
            long[] feeds = reader.readArrayOfInt64("feeds");
            if (reader.getFieldKind("ends") == FieldKind.NOT_AVAILABLE) {
                return new FeedChanges(publisher, sequence, feeds); // from a writer of an older version: names only
            }
            return new FeedChanges(
                    publisher, sequence, feeds, reader.readArrayOfInt32("ends"), reader.readArrayOfInt64("updates"));
        }

        @Override
        public void write(CompactWriter writer, FeedChanges changes) {
            writer.writeString("publisher", changes.publisher());
            writer.writeInt64("sequence", changes.sequence());
            writer.writeArrayOfInt64("feeds", changes.feeds());
            writer.writeArrayOfInt32("ends", changes.ends());
            writer.writeArrayOfInt64("updates", changes.updates());
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
