package flock.domain.tweet;

import java.util.Objects;

/**
 * A posted tweet. Immutable: a tweet is written once, read many times and deleted, never edited.
 *
 * @param text already validated and NFC-normalised (see {@link TweetText})
 * @param createdAt epoch milliseconds
 * @param mediaIds ids of attached media, at most {@link #MAX_MEDIA}
 * @param inReplyToId the tweet this one answers, 0 when it answers none; it may have been deleted since
 * @param inReplyToAuthorId that tweet's author (0 with it): the reply rule of home feeds needs it, and the parent may
 *     be gone by the time the fan-out runs
 * @param conversationId the root of the reply chain this tweet is in: its own id when it answers none
 * @param quoteOfId the tweet this one quotes (with text of its own), 0 when it quotes none; never both a reply and a
 *     quote
 * @param repostOfId the tweet this one reposts, 0 for every other tweet: a repost has no text or media of its own, and
 *     answers or quotes nothing
 * @param mentionIds the account each mention in the text named when the tweet was posted ({@link
 *     TweetEntities#mentions}, in text order), 0 for a handle nobody had; empty when none was resolved
 */
public record Tweet(
        long id,
        long authorId,
        String text,
        long createdAt,
        long[] mediaIds,
        long inReplyToId,
        long inReplyToAuthorId,
        long conversationId,
        long quoteOfId,
        long repostOfId,
        long[] mentionIds) {
    /** A tweet that mentions nobody. */
    public static final long[] NO_MENTIONS = new long[0];

    /** At most four pictures or videos per tweet, as the API contract says. */
    public static final int MAX_MEDIA = 4;

    public Tweet {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(mediaIds, "mediaIds");
        Objects.requireNonNull(mentionIds, "mentionIds");
        if (mediaIds.length > MAX_MEDIA) {
            throw new IllegalArgumentException("at most " + MAX_MEDIA + " media per tweet");
        }
        if ((inReplyToId == 0) != (inReplyToAuthorId == 0)) {
            throw new IllegalArgumentException("a reply names both the tweet it answers and that tweet's author");
        }
        if (inReplyToId == 0 && conversationId != id) {
            throw new IllegalArgumentException("a tweet that answers none starts its own conversation");
        }
        if (inReplyToId != 0 && quoteOfId != 0) {
            throw new IllegalArgumentException("a tweet either replies or quotes, not both");
        }
        if (repostOfId != 0 && (inReplyToId != 0 || quoteOfId != 0 || !text.isEmpty() || mediaIds.length > 0)) {
            throw new IllegalArgumentException("a repost is the original's alone: no text, media, reply or quote");
        }
    }

    /** A tweet that mentions nobody. */
    public Tweet(
            long id,
            long authorId,
            String text,
            long createdAt,
            long[] mediaIds,
            long inReplyToId,
            long inReplyToAuthorId,
            long conversationId,
            long quoteOfId,
            long repostOfId) {
        this(
                id,
                authorId,
                text,
                createdAt,
                mediaIds,
                inReplyToId,
                inReplyToAuthorId,
                conversationId,
                quoteOfId,
                repostOfId,
                NO_MENTIONS);
    }

    /** This tweet with the accounts its mentions name. */
    public Tweet withMentions(long[] ids) {
        return new Tweet(
                id,
                authorId,
                text,
                createdAt,
                mediaIds,
                inReplyToId,
                inReplyToAuthorId,
                conversationId,
                quoteOfId,
                repostOfId,
                ids);
    }

    /** A tweet that answers and quotes none. */
    public Tweet(long id, long authorId, String text, long createdAt, long[] mediaIds) {
        this(id, authorId, text, createdAt, mediaIds, 0, 0, id, 0, 0);
    }

    /** A reply to {@code parent}, in the parent's conversation. */
    public static Tweet replyTo(Tweet parent, long id, long authorId, String text, long createdAt, long[] mediaIds) {
        return new Tweet(
                id, authorId, text, createdAt, mediaIds, parent.id(), parent.authorId(), parent.conversationId(), 0, 0);
    }

    /** A quote of {@code quoted}: a conversation of its own. */
    public static Tweet quoting(Tweet quoted, long id, long authorId, String text, long createdAt, long[] mediaIds) {
        return new Tweet(id, authorId, text, createdAt, mediaIds, 0, 0, id, quoted.id(), 0);
    }

    /** A repost of {@code original} (never of a repost: the caller reposts what a repost reposts). */
    public static Tweet repostOf(Tweet original, long id, long authorId, long createdAt) {
        if (original.isRepost()) {
            throw new IllegalArgumentException("repost the original " + original.repostOfId() + ", not a repost of it");
        }
        return new Tweet(id, authorId, "", createdAt, new long[0], 0, 0, id, 0, original.id());
    }

    public boolean isRepost() {
        return repostOfId != 0;
    }

    public boolean isQuote() {
        return quoteOfId != 0;
    }

    public boolean isReply() {
        return inReplyToId != 0;
    }

    /**
     * The account a follower must also follow to get this tweet in their home feed: the one replied to, for a reply to
     * someone else; 0 for every other tweet, a reply to oneself (a thread) included, which reaches every follower.
     */
    public long audienceAlsoFollowing() {
        return inReplyToAuthorId == authorId ? 0 : inReplyToAuthorId;
    }
}
