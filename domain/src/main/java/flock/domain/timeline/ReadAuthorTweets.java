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
 * so a Cassandra read never blocks a partition thread. Used for deep pages only: a page is first read from memory
 * (a home feed's by {@link ReadTimelinePage} on its owner, a profile's from the API node's near-cached copy of the
 * author's timeline), and this runs only when that timeline is truncated and the page ran off its end.
 *
 * <p>For a home feed's deep page it reads for that feed's reader ({@link FeedReader}): a reply to someone else is left
 * out unless the reader follows that account too. A profile's page has no reader and shows every tweet.
 *
 * <p>A class, not a record: the member hands it its {@link OlderTweets} after deserialization.
 */
public final class ReadAuthorTweets
        implements EntryProcessor<Long, Timeline, long[]>, Offloadable, ReadOnly, HazelcastInstanceAware {
    private final long maxId;
    private final long sinceId;
    private final int limit;
    private final FeedReader reader;
    private transient OlderTweets olderTweets;

    /** A page of the author's profile: every tweet. */
    public ReadAuthorTweets(long maxId, long sinceId, int limit) {
        this(maxId, sinceId, limit, null);
    }

    /** @param reader the home feed's reader, or null for every tweet */
    public ReadAuthorTweets(long maxId, long sinceId, int limit, FeedReader reader) {
        this.maxId = maxId;
        this.sinceId = sinceId;
        this.limit = limit;
        this.reader = reader;
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
        long[] inMemory =
                reader == null ? timeline.page(maxId, sinceId, limit) : timeline.page(maxId, sinceId, limit, reader);
        if (inMemory.length == limit || !timeline.truncated() || olderTweets == null) {
            return inMemory;
        }
        // Short of the limit: memory was read to its oldest id (a reader's page may have skipped the last few).
        long continueBelow = Math.min(maxId, timeline.oldest());
        long[] older =
                olderTweets.authorTweetsBefore(entry.getKey(), continueBelow, sinceId, limit - inMemory.length, reader);
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
                && limit == that.limit
                && java.util.Objects.equals(reader, that.reader);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(maxId) * 31 + limit;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<ReadAuthorTweets> {
        @Override
        public ReadAuthorTweets read(CompactReader reader) {
            long readerId = reader.readInt64("readerId");
            long[] follows = reader.readArrayOfInt64("readerFollows");
            return new ReadAuthorTweets(
                    reader.readInt64("maxId"),
                    reader.readInt64("sinceId"),
                    reader.readInt32("limit"),
                    readerId == 0 ? null : new FeedReader(readerId, follows));
        }

        @Override
        public void write(CompactWriter writer, ReadAuthorTweets processor) {
            writer.writeInt64("maxId", processor.maxId());
            writer.writeInt64("sinceId", processor.sinceId());
            writer.writeInt32("limit", processor.limit());
            writer.writeInt64("readerId", processor.reader == null ? 0 : processor.reader.id());
            writer.writeArrayOfInt64(
                    "readerFollows", processor.reader == null ? new long[0] : processor.reader.follows());
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
