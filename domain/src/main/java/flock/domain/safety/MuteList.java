package flock.domain.safety;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import flock.domain.LongArrays;
import flock.domain.engagement.EdgePage;
import flock.domain.engagement.NewestEdges;
import java.util.Arrays;

/**
 * The accounts a user mutes, on the user's key: account ids ascending (a page's check is a binary search per author),
 * with each mute's edge id (a flake id: the order of the mutes page) and when it ends. A mute ends by itself: one whose
 * end has passed mutes nothing, and the next change drops it. Replaced, never changed in place.
 *
 * @param untilMillis epoch milliseconds when each mute ends; {@link #FOREVER} for a mute without a duration
 */
public record MuteList(long[] accountIds, long[] edgeIds, long[] untilMillis) {
    public static final long FOREVER = Long.MAX_VALUE;
    public static final MuteList EMPTY = new MuteList(new long[0], new long[0], new long[0]);

    public MuteList {
        if (accountIds.length != edgeIds.length || accountIds.length != untilMillis.length) {
            throw new IllegalArgumentException("accountIds, edgeIds and untilMillis must be parallel arrays");
        }
    }

    public int size() {
        return accountIds.length;
    }

    /** Whether the user mutes the account at this moment. */
    public boolean mutes(long accountId, long nowMillis) {
        int at = Arrays.binarySearch(accountIds, accountId);
        return at >= 0 && untilMillis[at] > nowMillis;
    }

    /** Whether any mute is still on at this moment. */
    public boolean mutesAnyone(long nowMillis) {
        for (long until : untilMillis) {
            if (until > nowMillis) {
                return true;
            }
        }
        return false;
    }

    /**
     * This list with the account muted until {@code until} (a mute already there keeps its edge id and takes the new
     * end), and without the mutes that ended before {@code nowMillis}.
     */
    public MuteList with(long accountId, long edgeId, long until, long nowMillis) {
        MuteList current = withoutEnded(nowMillis);
        int at = Arrays.binarySearch(current.accountIds, accountId);
        if (at >= 0) {
            long[] ends = current.untilMillis.clone();
            ends[at] = until;
            return new MuteList(current.accountIds, current.edgeIds, ends);
        }
        int place = -at - 1;
        return new MuteList(
                LongArrays.inserted(current.accountIds, place, accountId),
                LongArrays.inserted(current.edgeIds, place, edgeId),
                LongArrays.inserted(current.untilMillis, place, until));
    }

    /** This list without the account, and without the mutes that ended before {@code nowMillis}. */
    public MuteList without(long accountId, long nowMillis) {
        MuteList current = withoutEnded(nowMillis);
        int at = Arrays.binarySearch(current.accountIds, accountId);
        if (at < 0) {
            return current;
        }
        return new MuteList(
                LongArrays.removed(current.accountIds, at),
                LongArrays.removed(current.edgeIds, at),
                LongArrays.removed(current.untilMillis, at));
    }

    /** The mutes still on, newest first below the cursor. */
    public EdgePage newest(long maxEdgeId, int limit, long nowMillis) {
        MuteList on = withoutEnded(nowMillis);
        return NewestEdges.of(on.accountIds, on.edgeIds, maxEdgeId, limit);
    }

    MuteList withoutEnded(long nowMillis) {
        int on = 0;
        for (long until : untilMillis) {
            on += until > nowMillis ? 1 : 0;
        }
        if (on == untilMillis.length) {
            return this;
        }
        long[] ids = new long[on];
        long[] edges = new long[on];
        long[] ends = new long[on];
        int next = 0;
        for (int i = 0; i < untilMillis.length; i++) {
            if (untilMillis[i] > nowMillis) {
                ids[next] = accountIds[i];
                edges[next] = edgeIds[i];
                ends[next++] = untilMillis[i];
            }
        }
        return new MuteList(ids, edges, ends);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MuteList that
                && Arrays.equals(accountIds, that.accountIds)
                && Arrays.equals(edgeIds, that.edgeIds)
                && Arrays.equals(untilMillis, that.untilMillis);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(accountIds) + Arrays.hashCode(untilMillis);
    }

    @Override
    public String toString() {
        return "MuteList" + Arrays.toString(accountIds);
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<MuteList> {
        @Override
        public MuteList read(CompactReader reader) {
            return new MuteList(
                    reader.readArrayOfInt64("accountIds"),
                    reader.readArrayOfInt64("edgeIds"),
                    reader.readArrayOfInt64("untilMillis"));
        }

        @Override
        public void write(CompactWriter writer, MuteList list) {
            writer.writeInt32("mutes", list.size()); // for SQL, which reads no arrays (ended mutes count until dropped)
            writer.writeArrayOfInt64("accountIds", list.accountIds());
            writer.writeArrayOfInt64("edgeIds", list.edgeIds());
            writer.writeArrayOfInt64("untilMillis", list.untilMillis());
        }

        @Override
        public String getTypeName() {
            return "flock.MuteList";
        }

        @Override
        public Class<MuteList> getCompactClass() {
            return MuteList.class;
        }
    }
}
