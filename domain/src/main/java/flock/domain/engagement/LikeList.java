package flock.domain.engagement;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import flock.domain.LongArrays;
import java.util.Arrays;

/**
 * The tweets an account likes, on the account's key: tweet ids ascending (a page's "liked by me" is a binary search per
 * tweet) with each like's edge id beside it (a flake id: the order of "my likes" pages). Replaced, never changed in
 * place, so the write-behind store never reads a list while an entry processor edits it.
 *
 * @param version how many changes the list has had: every like or unlike that changed it adds one, so the newest
 *     version of an account's likes is the truth the tweet's side ({@link EdgeBucket}) converges to
 */
public record LikeList(long version, long[] tweetIds, long[] edgeIds) {
    public static final LikeList EMPTY = new LikeList(0, new long[0], new long[0]);

    public LikeList {
        if (tweetIds.length != edgeIds.length) {
            throw new IllegalArgumentException("tweetIds and edgeIds must be parallel arrays");
        }
    }

    public int size() {
        return tweetIds.length;
    }

    /** The edge id of the account's like of the tweet, or 0 when it does not like it. */
    public long edgeOf(long tweetId) {
        int at = Arrays.binarySearch(tweetIds, tweetId);
        return at >= 0 ? edgeIds[at] : 0;
    }

    /** This list with the like added, one version on; the caller checked that it is not there. */
    LikeList with(long tweetId, long edgeId) {
        int at = -Arrays.binarySearch(tweetIds, tweetId) - 1;
        return new LikeList(
                version + 1, LongArrays.inserted(tweetIds, at, tweetId), LongArrays.inserted(edgeIds, at, edgeId));
    }

    /** This list without the like, one version on; the caller checked that it is there. */
    LikeList without(long tweetId) {
        int at = Arrays.binarySearch(tweetIds, tweetId);
        return new LikeList(version + 1, LongArrays.removed(tweetIds, at), LongArrays.removed(edgeIds, at));
    }

    /** The newest likes below the cursor: tweet ids and like edge ids, newest like first. */
    public EdgePage newest(long maxEdgeId, int limit) {
        return NewestEdges.of(tweetIds, edgeIds, maxEdgeId, limit);
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<LikeList> {
        @Override
        public LikeList read(CompactReader reader) {
            return new LikeList(
                    reader.readInt64("version"),
                    reader.readArrayOfInt64("tweetIds"),
                    reader.readArrayOfInt64("edgeIds"));
        }

        @Override
        public void write(CompactWriter writer, LikeList list) {
            writer.writeInt64("version", list.version());
            writer.writeInt32("liked", list.size()); // for SQL, which reads no arrays
            writer.writeArrayOfInt64("tweetIds", list.tweetIds());
            writer.writeArrayOfInt64("edgeIds", list.edgeIds());
        }

        @Override
        public String getTypeName() {
            return "flock.LikeList";
        }

        @Override
        public Class<LikeList> getCompactClass() {
            return LikeList.class;
        }
    }
}
