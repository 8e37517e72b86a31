package flock.domain.engagement;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

/**
 * What an account's likes say after a {@link SetLike}: whether it likes the tweet, the like's edge id (the one it
 * kept, the one it got, or the one an unlike took away; 0 if none), and the list's version.
 */
public record LikeChange(boolean liked, long edgeId, long version) {

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<LikeChange> {
        @Override
        public LikeChange read(CompactReader reader) {
            return new LikeChange(reader.readBoolean("liked"), reader.readInt64("edgeId"), reader.readInt64("version"));
        }

        @Override
        public void write(CompactWriter writer, LikeChange change) {
            writer.writeBoolean("liked", change.liked());
            writer.writeInt64("edgeId", change.edgeId());
            writer.writeInt64("version", change.version());
        }

        @Override
        public String getTypeName() {
            return "flock.LikeChange";
        }

        @Override
        public Class<LikeChange> getCompactClass() {
            return LikeChange.class;
        }
    }
}
