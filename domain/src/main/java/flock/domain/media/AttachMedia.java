package flock.domain.media;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Attaches a media to a tweet on its owner, atomically: only a media of the tweet's author that is {@link
 * Media.State#READY} (stored, attached nowhere) becomes {@link Media.State#ATTACHED}, so two tweets racing for one
 * media cannot both get it. With {@code tweetId} 0 it detaches instead: a media attached to {@code detachFrom} goes
 * back to READY (a post that failed after attaching gives its media back). Answers the media as it is afterwards
 * (null if there is none); the caller compares.
 */
public record AttachMedia(long ownerId, long tweetId, long detachFrom) implements EntryProcessor<Long, Media, Media> {

    public static AttachMedia to(long ownerId, long tweetId) {
        return new AttachMedia(ownerId, tweetId, 0);
    }

    public static AttachMedia detachFrom(long tweetId) {
        return new AttachMedia(0, 0, tweetId);
    }

    @Override
    public Media process(Map.Entry<Long, Media> entry) {
        Media media = entry.getValue();
        if (media == null) {
            return null;
        }
        if (tweetId != 0 && media.ownerId() == ownerId && media.state() == Media.State.READY) {
            Media attached = media.attachedTo(tweetId);
            entry.setValue(attached);
            return attached;
        }
        if (tweetId == 0 && media.state() == Media.State.ATTACHED && media.tweetId() == detachFrom) {
            Media ready = media.ready(media.size());
            entry.setValue(ready);
            return ready;
        }
        return media;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<AttachMedia> {
        @Override
        public AttachMedia read(CompactReader reader) {
            return new AttachMedia(
                    reader.readInt64("ownerId"), reader.readInt64("tweetId"), reader.readInt64("detachFrom"));
        }

        @Override
        public void write(CompactWriter writer, AttachMedia processor) {
            writer.writeInt64("ownerId", processor.ownerId());
            writer.writeInt64("tweetId", processor.tweetId());
            writer.writeInt64("detachFrom", processor.detachFrom());
        }

        @Override
        public String getTypeName() {
            return "flock.AttachMedia";
        }

        @Override
        public Class<AttachMedia> getCompactClass() {
            return AttachMedia.class;
        }
    }
}
