package flock.domain.timeline;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Adds a pull-mode account to a cached home feed's merge-at-read list, or takes it off. Feeds not in
 * memory are left alone: their rebuild reads the pull registry. Idempotent.
 */
public record EditPulledAuthors(long authorId, boolean pulled) implements EntryProcessor<Long, Timeline, Void> {

    @Override
    public Void process(Map.Entry<Long, Timeline> entry) {
        Timeline feed = entry.getValue();
        if (feed != null && feed.setPulled(authorId, pulled)) {
            entry.setValue(feed);
        }
        return null;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<EditPulledAuthors> {
        @Override
        public EditPulledAuthors read(CompactReader reader) {
            return new EditPulledAuthors(reader.readInt64("authorId"), reader.readBoolean("pulled"));
        }

        @Override
        public void write(CompactWriter writer, EditPulledAuthors processor) {
            writer.writeInt64("authorId", processor.authorId());
            writer.writeBoolean("pulled", processor.pulled());
        }

        @Override
        public String getTypeName() {
            return "flock.EditPulledAuthors";
        }

        @Override
        public Class<EditPulledAuthors> getCompactClass() {
            return EditPulledAuthors.class;
        }
    }
}
