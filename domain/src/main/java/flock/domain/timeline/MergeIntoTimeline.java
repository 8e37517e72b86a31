package flock.domain.timeline;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.FieldKind;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Arrays;
import java.util.Map;

/**
 * Merges the newest tweets of an account just followed into a cached home feed. A feed not in memory is
 * left alone: its rebuild on read will include the new account. Idempotent.
 *
 * <p>The account's reposts go in by the feed's repost rules ({@link Timeline#insertRepost}), oldest first as the
 * fan-out would have brought them: not when the original is among the feed's newest entries, and not when a repost of
 * it is in the feed already. A follow's backfill can run after a repost by another account followed reached the feed.
 *
 * @param newestFirst the ids to merge, strictly descending
 * @param originals parallel to {@code newestFirst}: what each repost reposts, 0 for every other tweet; empty when none
 *     of them is a repost
 */
public record MergeIntoTimeline(long[] newestFirst, long[] originals) implements EntryProcessor<Long, Timeline, Void> {

    private static final long[] NONE = new long[0];

    /** Tweets none of which is a repost. */
    public MergeIntoTimeline(long[] newestFirst) {
        this(newestFirst, NONE);
    }

    @Override
    public Void process(Map.Entry<Long, Timeline> entry) {
        Timeline timeline = entry.getValue();
        if (timeline == null) {
            return null;
        }
        if (originals.length == 0) {
            timeline.mergeNewestFirst(newestFirst);
        } else {
            timeline.mergeNewestFirst(notReposts());
            for (int i = newestFirst.length - 1; i >= 0; i--) {
                if (originals[i] != 0) {
                    timeline.insertRepost(newestFirst[i], originals[i]);
                }
            }
        }
        entry.setValue(timeline);
        return null;
    }

    private long[] notReposts() {
        long[] plain = new long[newestFirst.length];
        int count = 0;
        for (int i = 0; i < newestFirst.length; i++) {
            if (originals[i] == 0) {
                plain[count++] = newestFirst[i];
            }
        }
        return Arrays.copyOf(plain, count);
    }

    /** Compact form; a processor from a member before reposts carries no originals. */
    public static final class Serializer implements CompactSerializer<MergeIntoTimeline> {
        @Override
        public MergeIntoTimeline read(CompactReader reader) {
            long[] ids = reader.readArrayOfInt64("newestFirst");
            boolean notes = reader.getFieldKind("originals") == FieldKind.ARRAY_OF_INT64;
            return new MergeIntoTimeline(ids, notes ? reader.readArrayOfInt64("originals") : NONE);
        }

        @Override
        public void write(CompactWriter writer, MergeIntoTimeline processor) {
            writer.writeArrayOfInt64("newestFirst", processor.newestFirst());
            writer.writeArrayOfInt64("originals", processor.originals());
        }

        @Override
        public String getTypeName() {
            return "flock.MergeIntoTimeline";
        }

        @Override
        public Class<MergeIntoTimeline> getCompactClass() {
            return MergeIntoTimeline.class;
        }
    }
}
