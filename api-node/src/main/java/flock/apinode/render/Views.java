package flock.apinode.render;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import flock.apinode.account.Accounts;
import flock.apinode.graph.Graph;
import flock.domain.MapNames;
import flock.domain.account.User;
import flock.domain.graph.FollowList;
import flock.domain.tweet.Tweet;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * Turns grid values into the JSON of the API contract. A page of tweets is put together from each tweet's JSON as
 * this node keeps it ({@link RenderedTweets}); the tweets it does not keep are read with one {@code getAll} per map
 * (tweets, then their authors), so a page of 20 costs at most two round trips whatever its size. A tweet deleted
 * after its id was read is simply left out.
 */
public final class Views {
    private final IMap<Long, Tweet> tweets;
    private final IMap<Long, User> users;
    private final IMap<Long, flock.domain.media.Media> media;
    private final RenderedTweets rendered;

    public Views(HazelcastInstance grid, RenderedTweets rendered) {
        this.rendered = rendered;
        this.tweets = grid.getMap(MapNames.TWEETS);
        this.users = grid.getMap(MapNames.USERS);
        this.media = grid.getMap(MapNames.MEDIA);
    }

    public static byte[] signUp(Accounts.SignUp signUp) {
        return writeUserHeader(new JsonOut().beginObject(), signUp.user())
                .field("token", signUp.token())
                .endObject()
                .toBytes();
    }

    public static byte[] token(long userId, String token) {
        return new JsonOut()
                .beginObject()
                .id("id", userId)
                .field("token", token)
                .endObject()
                .toBytes();
    }

    /** An uploaded media: its URL is the API's own, which redirects to a fresh presigned URL on every read. */
    public static byte[] media(flock.domain.media.Media media) {
        return new JsonOut()
                .beginObject()
                .id("id", media.id())
                .field("contentType", media.contentType())
                .field("size", media.size())
                .field("url", "/api/v1/media/" + media.id())
                .endObject()
                .toBytes();
    }

    public static byte[] profile(Graph.Profile profile, long tweetCount) {
        return writeUserHeader(new JsonOut().beginObject(), profile.user())
                .field("followers", profile.followers())
                .field("following", profile.following())
                .field("tweets", tweetCount)
                .endObject()
                .toBytes();
    }

    private static JsonOut writeUserHeader(JsonOut json, User user) {
        return UserJson.writeSummary(json, user).time("createdAt", user.createdAt());
    }

    /**
     * A tweet just posted, as the API answers it: nothing counted yet, and (for a quote) the quoted tweet in it. Its
     * author is at hand, as the post left them. Its JSON is kept here as pages show it, since its followers' next
     * pages do: the node it was posted through then never reads it back from the grid to render it.
     */
    public byte[] posted(Tweet tweet, User author, ShownEngagement.Source engagement) {
        long generation = rendered.generation(); // before the author is read again below: see RenderedTweets.keep
        byte[] json = TweetPages.renderOne(tweet, author, mediaOf(List.of(tweet)));
        if (keepable(tweet) && author != null && author.equals(users.get(tweet.authorId()))) {
            rendered.keep(tweet.id(), generation, json);
        }
        if (tweet.isQuote()) {
            json = TweetPages.withQuote(json, one(tweet.quoteOfId(), engagement));
        }
        if (tweet.isRepost()) {
            byte[] original = one(tweet.repostOfId(), engagement);
            json = original == null ? json : TweetPages.withRepostOf(json, original);
        }
        return TweetPages.withExtras(json, ShownEngagement.NEW_TWEET, 0);
    }

    /** One tweet as a page shows it (counts, the reader's state, what it quotes), or null once it is deleted. */
    public byte[] one(long id, ShownEngagement.Source engagement) {
        return one(id, engagement, null);
    }

    /** The same, or null when {@code hidden} hides it from the reader (see {@link HiddenTweets}). */
    public byte[] one(long id, ShownEngagement.Source engagement, LongPredicate hidden) {
        byte[] page = tweetPage(new long[] {id}, 1, new long[] {id}, engagement, hidden);
        // {"items":[<the tweet>]}: what is between the brackets, if anything.
        int from = ITEMS_OPEN.length;
        int to = page.length - 2;
        return to <= from ? null : java.util.Arrays.copyOfRange(page, from, to);
    }

    /** The media of these tweets, in one call; none at all for the common page without any. */
    private Map<Long, flock.domain.media.Media> mediaOf(java.util.Collection<Tweet> shown) {
        Set<Long> ids = null;
        for (Tweet tweet : shown) {
            for (long id : tweet.mediaIds()) {
                if (ids == null) {
                    ids = new HashSet<>();
                }
                ids.add(id);
            }
        }
        return ids == null ? Map.of() : media.getAll(ids);
    }

    /** A page of tweets from ids newest first, as kept (no counts); {@code ids} holds one more than the limit if more exist. */
    public byte[] tweetPage(long[] ids, int limit) {
        return TweetPages.assemble(
                ids, limit, parts(ids, Math.min(limit, ids.length)).json(), ids, null);
    }

    /**
     * The same, each tweet with its counts and the reader's state ({@code engagement}), a quote with the tweet it
     * quotes, and a cursor of another order if need be: {@code cursors[i]} is what {@code nextMaxId} says when
     * {@code ids[i]} is the last tweet shown (a page of likes goes by when each was liked, not when each was posted).
     * A page without quotes or reposts costs nothing more than its tweets' own JSON and counts.
     */
    public byte[] tweetPage(long[] ids, int limit, long[] cursors, ShownEngagement.Source engagement) {
        return tweetPage(ids, limit, cursors, engagement, null);
    }

    /**
     * The same, leaving out what {@code hidden} hides from the reader (see {@link HiddenTweets}); null hides nothing.
     * A page may then show fewer tweets than the limit, and still has its cursor when more exist.
     */
    public byte[] tweetPage(
            long[] ids, int limit, long[] cursors, ShownEngagement.Source engagement, LongPredicate hidden) {
        int count = Math.min(limit, ids.length);
        Parts parts = parts(ids, count);
        if (hidden != null) {
            HiddenTweets.leaveOut(tweets, ids, parts.json(), hidden);
        }
        ShownEngagement shown = engagement.of(ids, count);
        if (parts.embeds() != null) {
            embed(parts, engagement);
        }
        return TweetPages.assemble(ids, limit, parts.json(), cursors, shown);
    }

    /**
     * Each quote's JSON with the tweet it quotes, as a page shows that one (counts, the reader's state), or null once
     * it is deleted; each repost's with its original, or no repost at all once the original is deleted (before the
     * fan-out takes the repost away, pages stop showing it). One level: a quoted quote shows its {@code quoteOfId}, not
     * what it quotes.
     */
    private void embed(Parts parts, ShownEngagement.Source engagement) {
        long[] inner = java.util.Arrays.stream(parts.embeds())
                .filter(id -> id != 0)
                .distinct()
                .toArray();
        Parts shownInner = parts(inner, inner.length);
        ShownEngagement innerShown = engagement.of(inner, inner.length);
        for (int i = 0; i < parts.json().length; i++) {
            long innerId = parts.embeds()[i];
            if (innerId == 0 || parts.json()[i] == null) {
                continue;
            }
            int at = 0;
            while (inner[at] != innerId) {
                at++;
            }
            byte[] shown = shownInner.json()[at] == null
                    ? null
                    : TweetPages.withExtras(shownInner.json()[at], innerShown, at);
            if (parts.reposts()[i]) {
                parts.json()[i] = shown == null ? null : TweetPages.withRepostOf(parts.json()[i], shown);
            } else {
                parts.json()[i] = TweetPages.withQuote(parts.json()[i], shown);
            }
        }
    }

    /**
     * The JSON of the first {@code count} tweets (null for one deleted), and the tweet each shows inside it (what a
     * quote quotes, what a repost reposts; null when none shows another). Quotes and reposts are never kept: they are
     * rendered from the grid's values, as tweets with media are.
     *
     * @param reposts for each tweet showing another, whether it is a repost (else a quote)
     */
    private record Parts(byte[][] json, long[] embeds, boolean[] reposts) {}

    private Parts parts(long[] ids, int count) {
        long generation = rendered.generation(); // before anything is read: see RenderedTweets.keep
        byte[][] parts = new byte[count][];
        Set<Long> missing = null;
        for (int i = 0; i < count; i++) {
            parts[i] = rendered.get(ids[i]);
            if (parts[i] == null) {
                if (missing == null) {
                    missing = new HashSet<>((count - i) * 2);
                }
                missing.add(ids[i]);
            }
        }
        if (missing == null) {
            return new Parts(parts, null, null);
        }
        return renderMissing(ids, parts, missing, generation);
    }

    /**
     * A tweet's context: {@code {"ancestors": [...], "descendants": [...], "nextMaxId"}}, each list a page of tweets as
     * {@link #tweetPage} writes it, so that every tweet is the same bytes as on any other page. The descendants' cursor
     * continues in the tweet's replies.
     */
    public byte[] context(byte[] ancestorsPage, byte[] descendantsPage) {
        // Each page is {"items":[...]} or {"items":[...],"nextMaxId":"..."}: what is inside its braces after "items".
        int ancestorsLength = ancestorsPage.length - ITEMS_PREFIX.length - 1;
        int descendantsLength = descendantsPage.length - ITEMS_PREFIX.length - 1;
        byte[] out = new byte[ANCESTORS.length + ancestorsLength + DESCENDANTS.length + descendantsLength + 1];
        System.arraycopy(ANCESTORS, 0, out, 0, ANCESTORS.length);
        int at = ANCESTORS.length;
        System.arraycopy(ancestorsPage, ITEMS_PREFIX.length, out, at, ancestorsLength);
        at += ancestorsLength;
        System.arraycopy(DESCENDANTS, 0, out, at, DESCENDANTS.length);
        at += DESCENDANTS.length;
        System.arraycopy(descendantsPage, ITEMS_PREFIX.length, out, at, descendantsLength);
        out[out.length - 1] = '}';
        return out;
    }

    private static final byte[] ITEMS_PREFIX = "{\"items\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ITEMS_OPEN = "{\"items\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ANCESTORS = "{\"ancestors\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DESCENDANTS = ",\"descendants\":".getBytes(StandardCharsets.US_ASCII);

    /**
     * Reads and renders the tweets not kept, and keeps those it may (no media: a media's state may change; no quotes:
     * what they show inside may be deleted). Answers the parts with what each shows inside.
     */
    private Parts renderMissing(long[] ids, byte[][] parts, Set<Long> missing, long generation) {
        Map<Long, Tweet> found = tweets.getAll(missing);
        Set<Long> authorIds = new HashSet<>();
        for (Tweet tweet : found.values()) {
            authorIds.add(tweet.authorId());
        }
        Map<Long, User> authors = users.getAll(authorIds);
        Map<Long, flock.domain.media.Media> shownMedia = mediaOf(found.values());
        long[] embeds = null;
        boolean[] reposts = null;
        for (int i = 0; i < parts.length; i++) {
            Tweet tweet = parts[i] == null ? found.get(ids[i]) : null;
            if (tweet == null || rendered.removed(tweet.id())) {
                continue; // deleted: its removal may have reached this node before the near cache's invalidation
            }
            User author = authors.get(tweet.authorId());
            parts[i] = TweetPages.renderOne(tweet, author, shownMedia);
            if (tweet.isQuote() || tweet.isRepost()) {
                embeds = embeds == null ? new long[parts.length] : embeds;
                reposts = reposts == null ? new boolean[parts.length] : reposts;
                embeds[i] = tweet.isQuote() ? tweet.quoteOfId() : tweet.repostOfId();
                reposts[i] = tweet.isRepost();
            } else if (author != null && keepable(tweet)) {
                rendered.keep(tweet.id(), generation, parts[i]);
            }
        }
        return new Parts(parts, embeds, reposts);
    }

    /** No media (a media's state may change) and nothing shown inside (what a quote shows may be deleted). */
    private static boolean keepable(Tweet tweet) {
        return !tweet.isQuote() && !tweet.isRepost() && tweet.mediaIds().length == 0;
    }

    /** How the reader stands with each account: {@code {"items": [{"id", "following", "followedBy", "blocking", "muting"}]}}. */
    public static byte[] relationships(List<Relationship> relationships) {
        JsonOut json = new JsonOut().beginObject().beginArray("items");
        for (Relationship relationship : relationships) {
            json.beginObject()
                    .id("id", relationship.accountId())
                    .field("following", relationship.following())
                    .field("followedBy", relationship.followedBy())
                    .field("blocking", relationship.blocking())
                    .field("muting", relationship.muting())
                    .endObject();
        }
        return json.endArray().endObject().toBytes();
    }

    /** How a user stands with one account. */
    public record Relationship(
            long accountId, boolean following, boolean followedBy, boolean blocking, boolean muting) {}

    /** A page of users from a follow list page; the cursor is the edge id, newest follow first. */
    public byte[] userPage(FollowList edges, int limit) {
        int shown = Math.min(limit, edges.size());
        Set<Long> wanted = new HashSet<>(shown * 2);
        for (int i = 0; i < shown; i++) {
            wanted.add(edges.userIds()[i]);
        }
        Map<Long, User> found = users.getAll(wanted);
        JsonOut json = new JsonOut().beginObject().beginArray("items");
        for (int i = 0; i < shown; i++) {
            User user = found.get(edges.userIds()[i]);
            if (user != null) {
                UserJson.writeSummary(json.beginObject(), user).endObject();
            }
        }
        json.endArray();
        if (edges.size() > limit) {
            json.id("nextMaxId", edges.edgeIds()[limit - 1]);
        }
        return json.endObject().toBytes();
    }
}
