package flock.apinode.media;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.flakeidgen.FlakeIdGenerator;
import com.hazelcast.map.IMap;
import flock.domain.ErrorCode;
import flock.domain.FlockException;
import flock.domain.MapNames;
import flock.domain.media.AttachMedia;
import flock.domain.media.Media;
import flock.domain.tweet.Tweet;
import flock.objectstore.ObjectStore;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Optional;

/**
 * Uploads and finds media. An upload writes the metadata first ({@link Media.State#UPLOADING}), then streams the
 * bytes to the object store, then marks the metadata {@link Media.State#READY}: an object never exists that no
 * metadata names, and a failed upload takes its metadata back out (or, if even that fails, leaves it UPLOADING for
 * the cleanup to find). Nothing answers 201 before both are stored.
 */
public final class MediaLibrary {
    private final IMap<Long, Media> media;
    private final FlakeIdGenerator ids;
    private final ObjectStore store;
    private final java.time.Duration urlExpiry;

    public MediaLibrary(HazelcastInstance grid, ObjectStore store, java.time.Duration urlExpiry) {
        this.media = grid.getMap(MapNames.MEDIA);
        this.ids = grid.getFlakeIdGenerator(MapNames.ID_GENERATOR);
        this.store = store;
        this.urlExpiry = urlExpiry;
    }

    /**
     * Stores one upload of the declared kind.
     *
     * @param declaredLength the Content-Length, or -1 for a chunked body
     */
    public Media upload(long owner, MediaKinds kind, InputStream body, long declaredLength) {
        if (declaredLength > kind.maxBytes) {
            throw tooLarge(kind);
        }
        byte[] head = new byte[MediaKinds.SNIFF_BYTES];
        int read = readHead(body, head);
        kind.check(head, read);
        Media uploading = new Media(
                ids.newId(), owner, kind.contentType, 0, Media.State.UPLOADING, System.currentTimeMillis(), 0);
        media.set(uploading.id(), uploading);
        Bounded bytes =
                new Bounded(new SequenceInputStream(new ByteArrayInputStream(head, 0, read), body), kind.maxBytes);
        try {
            store.put(uploading.objectKey(), bytes, declaredLength, kind.contentType);
        } catch (Exception e) {
            media.delete(uploading.id());
            if (bytes.exceeded) {
                throw tooLarge(kind);
            }
            throw ObjectStore.unavailable("store a media object", e);
        }
        Media ready = uploading.ready(bytes.count);
        media.set(ready.id(), ready);
        return ready;
    }

    /**
     * Attaches the media to a new tweet of their owner, all or none: each must be the author's own, stored, and
     * attached nowhere yet (400 naming the first that is not; any attached before it is given back).
     */
    public void attach(long author, long tweetId, long[] ids) {
        if (ids.length > Tweet.MAX_MEDIA) {
            throw FlockException.invalid("mediaIds: at most " + Tweet.MAX_MEDIA + " media per tweet");
        }
        for (int i = 0; i < ids.length; i++) {
            for (int j = 0; j < i; j++) {
                if (ids[i] == ids[j]) {
                    throw FlockException.invalid("mediaIds[" + i + "]: media " + ids[i] + " is listed twice");
                }
            }
        }
        for (int i = 0; i < ids.length; i++) {
            Media after = media.executeOnKey(ids[i], AttachMedia.to(author, tweetId));
            if (after == null || after.ownerId() != author || after.tweetId() != tweetId) {
                detach(tweetId, java.util.Arrays.copyOf(ids, i));
                throw FlockException.invalid("mediaIds[" + i + "]: " + refusal(ids[i], after, author));
            }
        }
    }

    /** Gives media back after a post that failed once they were attached. */
    public void detach(long tweetId, long[] ids) {
        for (long id : ids) {
            media.executeOnKey(id, AttachMedia.detachFrom(tweetId));
        }
    }

    /**
     * Deletes the media of a deleted tweet: bytes first, then metadata, so no object outlives its metadata. When the
     * store cannot be reached the media is detached instead, and the cleanup of unattached media removes it later.
     */
    public void deleteWithTweet(long tweetId, long[] ids) {
        for (long id : ids) {
            Media found = media.get(id);
            if (found == null) {
                continue;
            }
            try {
                store.remove(found.objectKey());
                media.delete(id);
            } catch (FlockException storeDown) {
                media.executeOnKey(id, AttachMedia.detachFrom(tweetId));
            }
        }
    }

    private static String refusal(long id, Media found, long author) {
        if (found == null || found.ownerId() != author) {
            return "no media " + id + " was uploaded by you"; // another's media is not even said to exist
        }
        return found.state() == Media.State.UPLOADING
                ? "media " + id + " is still being uploaded"
                : "media " + id + " is already attached to another tweet";
    }

    /** A media whose bytes are stored (ready or attached); an upload still in flight is not found. */
    public Optional<Media> find(long id) {
        return Optional.ofNullable(media.get(id)).filter(found -> found.state() != Media.State.UPLOADING);
    }

    public String url(Media found) {
        return store.presignedGet(found.objectKey(), urlExpiry);
    }

    private static int readHead(InputStream body, byte[] head) {
        try {
            return body.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw FlockException.invalid("body: could not be read (" + e.getMessage() + ")");
        }
    }

    private static FlockException tooLarge(MediaKinds kind) {
        return new FlockException(
                ErrorCode.TOO_LARGE,
                "body: " + kind.contentType + " may be at most " + kind.maxBytes / (1024 * 1024) + " MiB");
    }

    /** Counts the bytes that pass and fails the read past the kind's limit, so a lying or chunked body stops there. */
    private static final class Bounded extends FilterInputStream {
        private final long max;
        long count;
        boolean exceeded;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                passed(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                passed(n);
            }
            return n;
        }

        private void passed(int n) throws IOException {
            count += n;
            if (count > max) {
                exceeded = true;
                throw new IOException("the body passed its limit of " + max + " bytes");
            }
        }
    }
}
