package flock.domain.engagement;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import flock.domain.LongArrays;
import java.util.Arrays;

/**
 * One bucket of the edges into a tweet ({@link BucketKey}): the accounts that like it, or the replies that answer it.
 * The edges' other ends ascending ({@code actorIds}: the liking account, or the reply), each with its edge id (the
 * like's id, or the reply's own) and the version that put it there: for a like, the version of the account's likes;
 * for a reply, 1 when posted and 2 when deleted. A change is applied only if its version is newer than the one
 * the bucket holds for that account, so duplicates, retries and replays change nothing, and whatever order two racing
 * requests of one account arrive in, the bucket ends as the account's newest change left it. An unlike leaves a
 * tombstone with its version for {@link #TOMBSTONE_MILLIS}, longer than any request is in flight, so that an older
 * like arriving late cannot bring the account back.
 *
 * @param changes how many times the size changed: the order of the sizes this bucket reports to {@link TweetStats}
 */
public record EdgeBucket(
        long changes,
        long[] actorIds,
        long[] edgeIds,
        long[] versions,
        long[] goneIds,
        long[] goneVersions,
        long[] goneUntil) {
    public static final EdgeBucket EMPTY =
            new EdgeBucket(0, new long[0], new long[0], new long[0], new long[0], new long[0], new long[0]);

    public static final long TOMBSTONE_MILLIS = 60_000;

    public int size() {
        return actorIds.length;
    }

    /** The bucket after the account's change at the given version, or this one when the bucket knows a newer one. */
    public EdgeBucket apply(long actorId, long edgeId, long version, boolean liked, long atMillis) {
        int at = Arrays.binarySearch(actorIds, actorId);
        int gone = Arrays.binarySearch(goneIds, actorId);
        long known = at >= 0 ? versions[at] : gone >= 0 ? goneVersions[gone] : -1;
        if (version <= known) {
            return this;
        }
        EdgeBucket live = withoutExpired(atMillis);
        at = Arrays.binarySearch(live.actorIds, actorId);
        gone = Arrays.binarySearch(live.goneIds, actorId);
        if (liked) {
            EdgeBucket kept = gone >= 0 ? live.withoutTombstone(gone) : live;
            if (at >= 0) {
                long[] edges = live.edgeIds.clone();
                long[] newer = live.versions.clone();
                edges[at] = edgeId;
                newer[at] = version;
                return new EdgeBucket(
                        changes, live.actorIds, edges, newer, kept.goneIds, kept.goneVersions, kept.goneUntil);
            }
            int insert = -at - 1;
            return new EdgeBucket(
                    changes + 1,
                    LongArrays.inserted(live.actorIds, insert, actorId),
                    LongArrays.inserted(live.edgeIds, insert, edgeId),
                    LongArrays.inserted(live.versions, insert, version),
                    kept.goneIds,
                    kept.goneVersions,
                    kept.goneUntil);
        }
        EdgeBucket unliked = at >= 0
                ? new EdgeBucket(
                        changes + 1,
                        LongArrays.removed(live.actorIds, at),
                        LongArrays.removed(live.edgeIds, at),
                        LongArrays.removed(live.versions, at),
                        live.goneIds,
                        live.goneVersions,
                        live.goneUntil)
                : live;
        return unliked.withTombstone(actorId, version, atMillis + TOMBSTONE_MILLIS);
    }

    /** The newest likers below the cursor: account ids and like edge ids, newest like first. */
    public EdgePage newest(long maxEdgeId, int limit) {
        return NewestEdges.of(actorIds, edgeIds, maxEdgeId, limit);
    }

    private EdgeBucket withoutExpired(long atMillis) {
        int keep = 0;
        for (long until : goneUntil) {
            keep += until > atMillis ? 1 : 0;
        }
        if (keep == goneUntil.length) {
            return this;
        }
        long[] ids = new long[keep];
        long[] gone = new long[keep];
        long[] until = new long[keep];
        for (int i = 0, to = 0; i < goneUntil.length; i++) {
            if (goneUntil[i] > atMillis) {
                ids[to] = goneIds[i];
                gone[to] = goneVersions[i];
                until[to++] = goneUntil[i];
            }
        }
        return new EdgeBucket(changes, actorIds, edgeIds, versions, ids, gone, until);
    }

    private EdgeBucket withoutTombstone(int at) {
        return new EdgeBucket(
                changes,
                actorIds,
                edgeIds,
                versions,
                LongArrays.removed(goneIds, at),
                LongArrays.removed(goneVersions, at),
                LongArrays.removed(goneUntil, at));
    }

    private EdgeBucket withTombstone(long actorId, long version, long until) {
        int at = Arrays.binarySearch(goneIds, actorId);
        if (at >= 0) {
            long[] gone = goneVersions.clone();
            long[] ends = goneUntil.clone();
            gone[at] = version;
            ends[at] = until;
            return new EdgeBucket(changes, actorIds, edgeIds, versions, goneIds, gone, ends);
        }
        int insert = -at - 1;
        return new EdgeBucket(
                changes,
                actorIds,
                edgeIds,
                versions,
                LongArrays.inserted(goneIds, insert, actorId),
                LongArrays.inserted(goneVersions, insert, version),
                LongArrays.inserted(goneUntil, insert, until));
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<EdgeBucket> {
        @Override
        public EdgeBucket read(CompactReader reader) {
            return new EdgeBucket(
                    reader.readInt64("changes"),
                    reader.readArrayOfInt64("actorIds"),
                    reader.readArrayOfInt64("edgeIds"),
                    reader.readArrayOfInt64("versions"),
                    reader.readArrayOfInt64("goneIds"),
                    reader.readArrayOfInt64("goneVersions"),
                    reader.readArrayOfInt64("goneUntil"));
        }

        @Override
        public void write(CompactWriter writer, EdgeBucket likers) {
            writer.writeInt64("changes", likers.changes());
            writer.writeInt32("likers", likers.size()); // for SQL, which reads no arrays
            writer.writeArrayOfInt64("actorIds", likers.actorIds());
            writer.writeArrayOfInt64("edgeIds", likers.edgeIds());
            writer.writeArrayOfInt64("versions", likers.versions());
            writer.writeArrayOfInt64("goneIds", likers.goneIds());
            writer.writeArrayOfInt64("goneVersions", likers.goneVersions());
            writer.writeArrayOfInt64("goneUntil", likers.goneUntil());
        }

        @Override
        public String getTypeName() {
            return "flock.EdgeBucket";
        }

        @Override
        public Class<EdgeBucket> getCompactClass() {
            return EdgeBucket.class;
        }
    }
}
