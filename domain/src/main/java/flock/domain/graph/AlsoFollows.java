package flock.domain.graph;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Whether a reply belongs in this account's home feed (the key is the account, the value whom it follows): the home
 * feed rule of Mastodon, where a reply to someone else reaches the replier's followers only if they also follow the
 * account replied to. The replier's own feed and the feed of the account replied to always get it.
 *
 * @param repliedTo the account the reply answers
 * @param replier the reply's author
 */
public record AlsoFollows(long repliedTo, long replier) implements EntryProcessor<Long, FollowList, Boolean>, ReadOnly {

    @Override
    public Boolean process(Map.Entry<Long, FollowList> entry) {
        long account = entry.getKey();
        FollowList following = entry.getValue();
        return account == replier || account == repliedTo || (following != null && following.contains(repliedTo));
    }

    @Override
    public EntryProcessor<Long, FollowList, Boolean> getBackupProcessor() {
        return null;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<AlsoFollows> {
        @Override
        public AlsoFollows read(CompactReader reader) {
            return new AlsoFollows(reader.readInt64("repliedTo"), reader.readInt64("replier"));
        }

        @Override
        public void write(CompactWriter writer, AlsoFollows processor) {
            writer.writeInt64("repliedTo", processor.repliedTo());
            writer.writeInt64("replier", processor.replier());
        }

        @Override
        public String getTypeName() {
            return "flock.AlsoFollows";
        }

        @Override
        public Class<AlsoFollows> getCompactClass() {
            return AlsoFollows.class;
        }
    }
}
