package flock.domain.timeline;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.core.Offloadable;
import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Arrays;
import java.util.Map;

/**
 * One page of an author's tweets at any depth: from the user timeline in memory, continued from Cassandra
 * when the page runs past the newest 800 that memory keeps. Offloaded to Hazelcast's offloadable executor,
 * so a Cassandra read never blocks a partition thread. Used for deep pages only: every other page is a
 * plain {@link ReadTimelinePage}, and only when that said the timeline is truncated.
 *
 * <p>A class, not a record: the member hands it its {@link OlderTweets} after deserialization.
 */
public final class ReadAuthorTweets
        implements EntryProcessor<Long, Timeline, long[]>, Offloadable, ReadOnly, HazelcastInstanceAware {
    private final long maxId;
    private final long sinceId;
    private final int limit;
    private transient OlderTweets olderTweets;

    public ReadAuthorTweets(long maxId, long sinceId, int limit) {
        this.maxId = maxId;
        this.sinceId = sinceId;
        this.limit = limit;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance member) {
        olderTweets = (OlderTweets) member.getUserContext().get(OlderTweets.USER_CONTEXT_KEY);
    }

    @Override
    public long[] process(Map.Entry<Long, Timeline> entry) {
        Timeline timeline = entry.getValue();
        if (timeline == null) {
            return new long[0];
        }
        long[] inMemory = timeline.page(maxId, sinceId, limit);
        if (inMemory.length == limit || !timeline.truncated() || olderTweets == null) {
            return inMemory;
        }
        long continueBelow = inMemory.length == 0 ? maxId : inMemory[inMemory.length - 1];
        long[] older = olderTweets.authorTweetsBefore(entry.getKey(), continueBelow, sinceId, limit - inMemory.length);
        long[] page = Arrays.copyOf(inMemory, inMemory.length + older.length);
        System.arraycopy(older, 0, page, inMemory.length, older.length);
        return page;
    }

    @Override
    public String getExecutorName() {
        return OFFLOADABLE_EXECUTOR;
    }

    @Override
    public EntryProcessor<Long, Timeline, long[]> getBackupProcessor() {
        return null;
    }

    public long maxId() {
        return maxId;
    }

    public long sinceId() {
        return sinceId;
    }

    public int limit() {
        return limit;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReadAuthorTweets that
                && maxId == that.maxId
                && sinceId == that.sinceId
                && limit == that.limit;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(maxId) * 31 + limit;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<ReadAuthorTweets> {
        @Override
        public ReadAuthorTweets read(CompactReader reader) {
            return new ReadAuthorTweets(
                    reader.readInt64("maxId"), reader.readInt64("sinceId"), reader.readInt32("limit"));
        }

        @Override
        public void write(CompactWriter writer, ReadAuthorTweets processor) {
            writer.writeInt64("maxId", processor.maxId());
            writer.writeInt64("sinceId", processor.sinceId());
            writer.writeInt32("limit", processor.limit());
        }

        @Override
        public String getTypeName() {
            return "flock.ReadAuthorTweets";
        }

        @Override
        public Class<ReadAuthorTweets> getCompactClass() {
            return ReadAuthorTweets.class;
        }
    }
}
