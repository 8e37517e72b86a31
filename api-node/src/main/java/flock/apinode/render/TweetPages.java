package flock.apinode.render;

import flock.domain.account.User;
import flock.domain.media.Media;
import flock.domain.tweet.Tweet;
import flock.domain.tweet.TweetEntities;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The JSON of a page of tweets, from values already fetched. Public so that the benchmarks' baselines
 * (Redis lists, pull from Cassandra) answer byte for byte the same page as Flock does, and differ only in
 * where the values come from.
 */
public final class TweetPages {
    private TweetPages() {}

    /**
     * A page newest first; {@code ids} holds one more than the limit if more exist. A tweet missing from
     * {@code found} (deleted after its id was read) is left out.
     */
    public static byte[] render(long[] ids, int limit, Map<Long, Tweet> found, Map<Long, User> authors) {
        return render(ids, limit, found, authors, Map.of());
    }

    /** The same, with the media of the page's tweets (a media missing from {@code media} is left out). */
    public static byte[] render(
            long[] ids, int limit, Map<Long, Tweet> found, Map<Long, User> authors, Map<Long, Media> media) {
        int shown = Math.min(limit, ids.length);
        JsonOut json =
                new JsonOut(64 + shown * JsonOut.BYTES_PER_TWEET).beginObject().beginArray("items");
        for (int i = 0; i < shown; i++) {
            Tweet tweet = found.get(ids[i]);
            if (tweet != null) {
                writeTweet(json, tweet, authors.get(tweet.authorId()), media);
            }
        }
        json.endArray();
        if (ids.length > limit) {
            json.id("nextMaxId", ids[limit - 1]);
        }
        return json.endObject().toBytes();
    }

    /**
     * A page from tweets rendered one by one ({@code rendered[i]} is the JSON of {@code ids[i]}, or null when that
     * tweet is left out); byte for byte what {@link #render} makes from the same tweets.
     */
    public static byte[] assemble(long[] ids, int limit, byte[][] rendered) {
        return assemble(ids, limit, rendered, ids);
    }

    /** The same, with {@code nextMaxId} taken from {@code cursors} (parallel to {@code ids}). */
    public static byte[] assemble(long[] ids, int limit, byte[][] rendered, long[] cursors) {
        return assemble(ids, limit, rendered, cursors, null);
    }

    /**
     * The same, each tweet with its counts and the reader's state spliced in before its closing brace: the kept JSON
     * stays the same for every reader, and the page is still written straight into an array of its size.
     *
     * @param shown parallel to {@code ids}; null for tweets as kept
     */
    public static byte[] assemble(long[] ids, int limit, byte[][] rendered, long[] cursors, ShownEngagement shown) {
        int shownCount = Math.min(limit, ids.length);
        byte[] next = ids.length > limit ? Long.toString(cursors[limit - 1]).getBytes(StandardCharsets.US_ASCII) : null;
        int length = ITEMS_OPEN.length + ITEMS_CLOSE.length + 1;
        int items = 0;
        for (int i = 0; i < shownCount; i++) {
            if (rendered[i] != null) {
                length += rendered[i].length + (items++ > 0 ? 1 : 0) + extraLength(shown, i);
            }
        }
        if (next != null) {
            length += NEXT_MAX_ID_OPEN.length + next.length + 1;
        }
        // Written straight into an array of the page's size: no buffer sized by guess, grown and copied at the end.
        byte[] page = new byte[length];
        int at = put(page, 0, ITEMS_OPEN);
        boolean first = true;
        for (int i = 0; i < shownCount; i++) {
            if (rendered[i] != null) {
                if (!first) {
                    page[at++] = ',';
                }
                at = shown == null ? put(page, at, rendered[i]) : putWithExtras(page, at, rendered[i], shown, i);
                first = false;
            }
        }
        at = put(page, at, ITEMS_CLOSE);
        if (next != null) {
            at = put(page, at, NEXT_MAX_ID_OPEN);
            at = put(page, at, next);
            page[at++] = '"';
        }
        page[at] = '}';
        return page;
    }

    private static int extraLength(ShownEngagement shown, int i) {
        if (shown == null) {
            return 0;
        }
        int viewer = shown.likedByReader() == null ? 0 : viewerBytes(shown, i).length;
        return COUNTS_OPEN.length
                + digits(shown.likes()[i])
                + REPOSTS_OPEN.length
                + digits(shown.reposts()[i])
                + REPLIES_OPEN.length
                + digits(shown.replies()[i])
                + QUOTES_OPEN.length
                + digits(shown.quotes()[i])
                + 1
                + viewer;
    }

    /** The kept JSON without its closing brace, the counts, the reader's state, the brace. */
    private static int putWithExtras(byte[] page, int at, byte[] tweet, ShownEngagement shown, int i) {
        System.arraycopy(tweet, 0, page, at, tweet.length - 1);
        at += tweet.length - 1;
        at = put(page, at, COUNTS_OPEN);
        at = putDigits(page, at, shown.likes()[i]);
        at = put(page, at, REPOSTS_OPEN);
        at = putDigits(page, at, shown.reposts()[i]);
        at = put(page, at, REPLIES_OPEN);
        at = putDigits(page, at, shown.replies()[i]);
        at = put(page, at, QUOTES_OPEN);
        at = putDigits(page, at, shown.quotes()[i]);
        page[at++] = '}';
        if (shown.likedByReader() != null) {
            at = put(page, at, viewerBytes(shown, i));
        }
        page[at++] = '}';
        return at;
    }

    /** The reader's state, one of four constants: liked or not, reposted or not. */
    private static byte[] viewerBytes(ShownEngagement shown, int i) {
        return VIEWER[(shown.likedByReader()[i] ? 2 : 0) + (shown.repostedByReader()[i] ? 1 : 0)];
    }

    private static int digits(int value) {
        int digits = 1;
        for (int rest = value; rest >= 10; rest /= 10) {
            digits++;
        }
        return digits;
    }

    private static int putDigits(byte[] page, int at, int value) {
        int end = at + digits(value);
        int rest = value;
        for (int i = end - 1; i >= at; i--) {
            page[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return end;
    }

    private static final byte[] COUNTS_OPEN = ",\"counts\":{\"likes\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REPLIES_OPEN = ",\"replies\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] QUOTES_OPEN = ",\"quotes\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] QUOTE_OF_OPEN = ",\"quoteOf\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REPOST_OF_OPEN = ",\"repostOf\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REPOSTS_OPEN = ",\"reposts\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[][] VIEWER = {
        ",\"viewer\":{\"liked\":false,\"reposted\":false}".getBytes(StandardCharsets.US_ASCII),
        ",\"viewer\":{\"liked\":false,\"reposted\":true}".getBytes(StandardCharsets.US_ASCII),
        ",\"viewer\":{\"liked\":true,\"reposted\":false}".getBytes(StandardCharsets.US_ASCII),
        ",\"viewer\":{\"liked\":true,\"reposted\":true}".getBytes(StandardCharsets.US_ASCII)
    };
    private static final byte[] ITEMS_OPEN = "{\"items\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ITEMS_CLOSE = "]".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEXT_MAX_ID_OPEN = ",\"nextMaxId\":\"".getBytes(StandardCharsets.US_ASCII);

    private static int put(byte[] page, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, page, at, bytes.length);
        return at + bytes.length;
    }

    /** One tweet's JSON alone, as a page shows it. */
    public static byte[] renderOne(Tweet tweet, User author, Map<Long, Media> media) {
        JsonOut json = new JsonOut(JsonOut.BYTES_PER_TWEET);
        writeTweet(json, tweet, author, media);
        return json.toBytes();
    }

    public static void writeTweet(JsonOut json, Tweet tweet, User author, Map<Long, Media> media) {
        writeFields(json, tweet, author, media);
        json.endObject();
    }

    /** One tweet's JSON with its counts and the reader's state, as {@link #assemble} writes it into a page. */
    public static byte[] withExtras(byte[] tweet, ShownEngagement shown, int i) {
        byte[] out = new byte[tweet.length + extraLength(shown, i)];
        putWithExtras(out, 0, tweet, shown, i);
        return out;
    }

    /**
     * A quote's JSON with the quoted tweet in it ({@code "quoteOf"}), or {@code null} for a quoted tweet deleted since:
     * spliced in as a page is put together, because the quoted tweet's state changes while the quote does not.
     */
    public static byte[] withQuote(byte[] quote, byte[] quotedOrNull) {
        return withEmbedded(quote, QUOTE_OF_OPEN, quotedOrNull == null ? NULL : quotedOrNull);
    }

    /** A repost's JSON with the original in it ({@code "repostOf"}), as a page shows the original. */
    public static byte[] withRepostOf(byte[] repost, byte[] original) {
        return withEmbedded(repost, REPOST_OF_OPEN, original);
    }

    private static byte[] withEmbedded(byte[] outer, byte[] field, byte[] inner) {
        byte[] out = new byte[outer.length + field.length + inner.length];
        int at = 0;
        System.arraycopy(outer, 0, out, at, outer.length - 1);
        at += outer.length - 1;
        at = put(out, at, field);
        at = put(out, at, inner);
        out[at] = '}';
        return out;
    }

    private static void writeFields(JsonOut json, Tweet tweet, User author, Map<Long, Media> media) {
        json.beginObject().id("id", tweet.id()).id("authorId", tweet.authorId());
        if (author != null) {
            UserJson.writeSummary(json.beginObject("author"), author).endObject();
        }
        json.field("text", tweet.text()).time("createdAt", tweet.createdAt());
        json.beginArray("media");
        for (long id : tweet.mediaIds()) {
            Media item = media.get(id);
            if (item != null) {
                json.beginObject()
                        .id("id", id)
                        .field("contentType", item.contentType())
                        .field("url", "/api/v1/media/" + id)
                        .endObject();
            }
        }
        json.endArray();
        // Where it stands in a conversation, and what it quotes, never change.
        json.id("conversationId", tweet.conversationId());
        if (tweet.isQuote()) {
            json.id("quoteOfId", tweet.quoteOfId());
        }
        if (tweet.isRepost()) {
            json.id("repostOfId", tweet.repostOfId());
        }
        if (tweet.isReply()) {
            json.beginObject("inReplyTo")
                    .id("tweetId", tweet.inReplyToId())
                    .id("authorId", tweet.inReplyToAuthorId())
                    .endObject();
        }
        writeEntities(json, tweet);
    }

    /**
     * Mentions (those that named an account when the tweet was posted), hashtags and links, with code point offsets,
     * found again in the text: kept with the rest of the tweet's JSON, so a page pays for this once per tweet and node.
     */
    private static void writeEntities(JsonOut json, Tweet tweet) {
        json.beginObject("entities").beginArray("mentions");
        List<TweetEntities.Span> mentions = TweetEntities.mentions(tweet.text());
        long[] ids = tweet.mentionIds();
        for (int i = 0; i < mentions.size() && i < ids.length; i++) {
            if (ids[i] != 0) {
                TweetEntities.Span mention = mentions.get(i);
                json.beginObject()
                        .field("start", mention.start())
                        .field("end", mention.end())
                        .id("id", ids[i])
                        .field("handle", mention.value())
                        .endObject();
            }
        }
        json.endArray().beginArray("hashtags");
        for (TweetEntities.Span tag : TweetEntities.hashtags(tweet.text())) {
            json.beginObject()
                    .field("start", tag.start())
                    .field("end", tag.end())
                    .field("tag", tag.value())
                    .endObject();
        }
        json.endArray().beginArray("urls");
        for (TweetEntities.Span url : TweetEntities.urls(tweet.text())) {
            json.beginObject()
                    .field("start", url.start())
                    .field("end", url.end())
                    .field("url", url.value())
                    .endObject();
        }
        json.endArray().endObject();
    }
}
