package flock.domain.media;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Claims a media for the cleanup on its owner, atomically: one never attached (READY, or an upload that never
 * finished) and created before the cutoff becomes {@link Media.State#DELETING}, so no tweet can attach it while its
 * bytes are being removed. A media already DELETING (a removal that failed before) is claimed again. Answers the
 * claimed media, or null when it is not to be removed (attached, young, or gone).
 */
public record ClaimForCleanup(long cutoffMillis) implements EntryProcessor<Long, Media, Media> {

    @Override
    public Media process(Map.Entry<Long, Media> entry) {
        Media media = entry.getValue();
        if (media == null || media.state() == Media.State.ATTACHED) {
            return null;
        }
        if (media.state() == Media.State.DELETING) {
            return media;
        }
        if (media.createdAtMillis() >= cutoffMillis) {
            return null;
        }
        Media claimed = media.deleting();
        entry.setValue(claimed);
        return claimed;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<ClaimForCleanup> {
        @Override
        public ClaimForCleanup read(CompactReader reader) {
            return new ClaimForCleanup(reader.readInt64("cutoffMillis"));
        }

        @Override
        public void write(CompactWriter writer, ClaimForCleanup processor) {
            writer.writeInt64("cutoffMillis", processor.cutoffMillis());
        }

        @Override
        public String getTypeName() {
            return "flock.ClaimForCleanup";
        }

        @Override
        public Class<ClaimForCleanup> getCompactClass() {
            return ClaimForCleanup.class;
        }
    }
}
