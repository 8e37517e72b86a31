package flock.apinode.media;

import flock.domain.ErrorCode;
import flock.domain.FlockException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The media types an upload may declare, each with its size limit (docs/api.md) and the magic numbers its bytes
 * must start with: a declared type is checked against the bytes, never trusted.
 */
public enum MediaKinds {
    PNG("image/png", 8, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0),
    JPEG("image/jpeg", 8, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, 0),
    GIF("image/gif", 8, new byte[] {'G', 'I', 'F', '8'}, 0),
    WEBP("image/webp", 8, new byte[] {'W', 'E', 'B', 'P'}, 8),
    MP4("video/mp4", 64, new byte[] {'f', 't', 'y', 'p'}, 4);

    /** Bytes read before the upload starts: enough for every kind's magic number. */
    public static final int SNIFF_BYTES = 12;

    private static final List<String> NAMES =
            Arrays.stream(values()).map(kind -> kind.contentType).toList();

    public final String contentType;
    public final long maxBytes;
    private final byte[] magic;
    private final int magicAt;

    MediaKinds(String contentType, int maxMebibytes, byte[] magic, int magicAt) {
        this.contentType = contentType;
        this.maxBytes = maxMebibytes * 1024L * 1024L;
        this.magic = magic;
        this.magicAt = magicAt;
    }

    /** The kind a Content-Type declares (parameters ignored); 415 for any other. */
    public static MediaKinds declared(Optional<String> contentType) {
        String type = contentType
                .map(value -> value.split(";", 2)[0].strip().toLowerCase())
                .orElse("");
        for (MediaKinds kind : values()) {
            if (kind.contentType.equals(type)) {
                return kind;
            }
        }
        throw new FlockException(
                ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type: must be one of " + NAMES + ", was '" + contentType.orElse("") + "'");
    }

    /** 415 unless the first bytes of the body are this kind's (RIFF....WEBP for WebP also checks RIFF). */
    public void check(byte[] head, int length) {
        boolean matches = length >= magicAt + magic.length
                && Arrays.equals(head, magicAt, magicAt + magic.length, magic, 0, magic.length)
                && (this != WEBP || Arrays.equals(head, 0, 4, new byte[] {'R', 'I', 'F', 'F'}, 0, 4));
        if (!matches) {
            throw new FlockException(
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE, "body: the bytes are not " + contentType + " as declared");
        }
    }
}
