package flock.domain.timeline;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Puts a stand-in for a home feed that is about to be rebuilt ({@link Timeline#rebuilding}) where there is none, before
 * the rebuild reads the authors' timelines. A tweet posted during the rebuild is then either in an author's timeline
 * when it is read (a post writes the author's timeline before the tweet, whose journal event starts its fan-out) or
 * fanned out after the stand-in was there, into it; {@link InstallRebuiltFeed} merges with what it gathered. Without
 * it, a fan-out that reached the feed between the read and the install found no feed, left it alone, and the rebuilt
 * feed never had the tweet. A feed already present (installed, or another reader's stand-in) is left as it is.
 */
public record StartRebuild(long atMillis) implements EntryProcessor<Long, Timeline, Void> {

    @Override
    public Void process(Map.Entry<Long, Timeline> entry) {
        if (entry.getValue() == null) {
            entry.setValue(Timeline.rebuilding(atMillis));
        }
        return null;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<StartRebuild> {
        @Override
        public StartRebuild read(CompactReader reader) {
            return new StartRebuild(reader.readInt64("atMillis"));
        }

        @Override
        public void write(CompactWriter writer, StartRebuild processor) {
            writer.writeInt64("atMillis", processor.atMillis());
        }

        @Override
        public String getTypeName() {
            return "flock.StartRebuild";
        }

        @Override
        public Class<StartRebuild> getCompactClass() {
            return StartRebuild.class;
        }
    }
}
