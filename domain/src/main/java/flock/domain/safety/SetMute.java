package flock.domain.safety;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Mutes an account until a moment, or takes the mute back ({@code until} 0), on the muting user's {@link MuteList}.
 * Idempotent: a repeated mute keeps its first edge id and sets the same end. The clock is the caller's, so that the
 * backup applies the same change.
 *
 * @param edgeId the id a new mute gets
 * @param nowMillis the moment of the request: mutes that ended before it are dropped
 */
public record SetMute(long accountId, long edgeId, long until, long nowMillis)
        implements EntryProcessor<Long, MuteList, Void> {

    public static SetMute mute(long accountId, long edgeId, long until, long nowMillis) {
        return new SetMute(accountId, edgeId, until, nowMillis);
    }

    public static SetMute unmute(long accountId, long nowMillis) {
        return new SetMute(accountId, 0, 0, nowMillis);
    }

    @Override
    public Void process(Map.Entry<Long, MuteList> entry) {
        MuteList list = entry.getValue() == null ? MuteList.EMPTY : entry.getValue();
        MuteList changed =
                until == 0 ? list.without(accountId, nowMillis) : list.with(accountId, edgeId, until, nowMillis);
        if (!changed.equals(list)) {
            entry.setValue(changed);
        }
        return null;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<SetMute> {
        @Override
        public SetMute read(CompactReader reader) {
            return new SetMute(
                    reader.readInt64("accountId"),
                    reader.readInt64("edgeId"),
                    reader.readInt64("until"),
                    reader.readInt64("nowMillis"));
        }

        @Override
        public void write(CompactWriter writer, SetMute processor) {
            writer.writeInt64("accountId", processor.accountId());
            writer.writeInt64("edgeId", processor.edgeId());
            writer.writeInt64("until", processor.until());
            writer.writeInt64("nowMillis", processor.nowMillis());
        }

        @Override
        public String getTypeName() {
            return "flock.SetMute";
        }

        @Override
        public Class<SetMute> getCompactClass() {
            return SetMute.class;
        }
    }
}
