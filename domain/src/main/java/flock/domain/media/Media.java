package flock.domain.media;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Objects;

/**
 * What the grid keeps of an uploaded picture or video: its metadata. The bytes live in the object store under
 * {@link #objectKey()}. The metadata is written before the object and removed after it, so there is never an object
 * that no metadata names: the cleanup finds every one.
 *
 * @param state {@link State#UPLOADING} while the bytes travel, {@link State#READY} once stored and not yet attached
 *     to a tweet, {@link State#ATTACHED} once a tweet carries it, {@link State#DELETING} once the cleanup claimed it
 *     (nothing attaches it any more; its bytes go, then its metadata)
 * @param tweetId the tweet it is attached to; 0 before
 */
public record Media(
        long id, long ownerId, String contentType, long size, State state, long createdAtMillis, long tweetId) {

    /** Where a media is in its life. */
    public enum State {
        UPLOADING,
        READY,
        ATTACHED,
        DELETING
    }

    public Media {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(state, "state");
    }

    /** Where the bytes sit in the bucket: by owner, so that one account's objects list together. */
    public String objectKey() {
        return objectKey(ownerId, id);
    }

    public static String objectKey(long ownerId, long id) {
        return "media/" + ownerId + "/" + id;
    }

    public Media ready(long storedSize) {
        return new Media(id, ownerId, contentType, storedSize, State.READY, createdAtMillis, 0);
    }

    public Media attachedTo(long tweet) {
        return new Media(id, ownerId, contentType, size, State.ATTACHED, createdAtMillis, tweet);
    }

    public Media deleting() {
        return new Media(id, ownerId, contentType, size, State.DELETING, createdAtMillis, tweetId);
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<Media> {
        @Override
        public Media read(CompactReader reader) {
            return new Media(
                    reader.readInt64("id"),
                    reader.readInt64("ownerId"),
                    reader.readString("contentType"),
                    reader.readInt64("size"),
                    State.valueOf(reader.readString("state")),
                    reader.readInt64("createdAtMillis"),
                    reader.readInt64("tweetId"));
        }

        @Override
        public void write(CompactWriter writer, Media media) {
            writer.writeInt64("id", media.id());
            writer.writeInt64("ownerId", media.ownerId());
            writer.writeString("contentType", media.contentType());
            writer.writeInt64("size", media.size());
            writer.writeString("state", media.state().name());
            writer.writeInt64("createdAtMillis", media.createdAtMillis());
            writer.writeInt64("tweetId", media.tweetId());
        }

        @Override
        public String getTypeName() {
            return "flock.Media";
        }

        @Override
        public Class<Media> getCompactClass() {
            return Media.class;
        }
    }
}
