package flock.domain.tweet;

import java.util.Objects;

/**
 * A posted tweet. Immutable: a tweet is written once, read many times and deleted, never edited.
 *
 * @param text already validated and NFC-normalised (see {@link TweetText})
 * @param createdAt epoch milliseconds
 * @param mediaIds ids of attached media, at most {@link #MAX_MEDIA}
 */
public record Tweet(long id, long authorId, String text, long createdAt, long[] mediaIds) {
    /** At most four pictures or videos per tweet, as the API contract says. */
    public static final int MAX_MEDIA = 4;

    public Tweet {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(mediaIds, "mediaIds");
        if (mediaIds.length > MAX_MEDIA) {
            throw new IllegalArgumentException("at most " + MAX_MEDIA + " media per tweet");
        }
    }
}
