package flock.domain.timeline;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Arrays;
import java.util.Map;

/**
 * The fan-out's updates of many home feeds, from many tweets, in one call: each feed finds its own slice
 * and applies it in order. Each partition is sent the updates of its own feeds, so that a burst of tweets costs one
 * operation per partition instead of one per tweet and partition (home feeds have no backup). A feed that is not cached is left
 * alone, as by {@link InsertIntoTimeline} for home feeds: it is rebuilt in full on its next read.
 * Idempotent, like the single-tweet processors, so a replayed fan-out changes nothing twice.
 *
 * @param feeds the feeds' user ids, ascending
 * @param ends for each feed, where its updates end in {@code updates} (they start where the previous end)
 * @param updates tweet ids in the order their events came: as they are to insert, bitwise inverted
 *     ({@code ~id}, negative for every id from zero up) to remove
 * @param originals parallel to {@code updates}: for the insert of a repost, the tweet it reposts (the feed may then
 *     leave it out, {@link Timeline#insertRepost}), 0 otherwise; empty when no update is a repost's
 */
public record ApplyFeedUpdates(long[] feeds, int[] ends, long[] updates, long[] originals)
        implements EntryProcessor<Long, Timeline, Void> {

    public ApplyFeedUpdates {
        if (feeds.length != ends.length || (ends.length > 0 && ends[ends.length - 1] != updates.length)) {
            throw new IllegalArgumentException("every feed needs one end, the last at the end of the updates");
        }
        if (originals.length != 0 && originals.length != updates.length) {
            throw new IllegalArgumentException("originals are parallel to the updates, or empty");
        }
    }

    /** Updates none of which is a repost's. */
    public ApplyFeedUpdates(long[] feeds, int[] ends, long[] updates) {
        this(feeds, ends, updates, new long[0]);
    }

    @Override
    public Void process(Map.Entry<Long, Timeline> entry) {
        Timeline timeline = entry.getValue();
        int feed = Arrays.binarySearch(feeds, entry.getKey());
        if (timeline == null || feed < 0) {
            return null;
        }
        boolean changed = false;
        for (int i = feed == 0 ? 0 : ends[feed - 1]; i < ends[feed]; i++) {
            long update = updates[i];
            long original = originals.length == 0 ? 0 : originals[i];
            changed |= update < 0
                    ? timeline.remove(~update)
                    : original == 0 ? timeline.insert(update) : timeline.insertRepost(update, original);
        }
        if (changed) {
            entry.setValue(timeline);
        }
        return null;
    }

    /** Compact form: three primitive arrays, whatever the number of feeds and tweets. */
    public static final class Serializer implements CompactSerializer<ApplyFeedUpdates> {
        @Override
        public ApplyFeedUpdates read(CompactReader reader) {
            return new ApplyFeedUpdates(
                    reader.readArrayOfInt64("feeds"),
                    reader.readArrayOfInt32("ends"),
                    reader.readArrayOfInt64("updates"),
                    reader.readArrayOfInt64("originals"));
        }

        @Override
        public void write(CompactWriter writer, ApplyFeedUpdates processor) {
            writer.writeArrayOfInt64("feeds", processor.feeds());
            writer.writeArrayOfInt32("ends", processor.ends());
            writer.writeArrayOfInt64("updates", processor.updates());
            writer.writeArrayOfInt64("originals", processor.originals());
        }

        @Override
        public String getTypeName() {
            return "flock.ApplyFeedUpdates";
        }

        @Override
        public Class<ApplyFeedUpdates> getCompactClass() {
            return ApplyFeedUpdates.class;
        }
    }
}
