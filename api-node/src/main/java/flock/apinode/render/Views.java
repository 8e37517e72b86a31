package flock.apinode.render;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import flock.apinode.account.Accounts;
import flock.apinode.graph.Graph;
import flock.domain.MapNames;
import flock.domain.account.User;
import flock.domain.graph.FollowList;
import flock.domain.tweet.Tweet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns grid values into the JSON of the API contract. Pages are assembled with one {@code getAll} per
 * map (tweets, then their authors), so a page of 20 costs two round trips whatever its size; a tweet
 * deleted after its id was read is simply left out.
 */
public final class Views {
    private final IMap<Long, Tweet> tweets;
    private final IMap<Long, User> users;
    private final IMap<Long, flock.domain.media.Media> media;

    public Views(HazelcastInstance grid) {
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

    public byte[] tweet(Tweet tweet) {
        return tweet(tweet, users.get(tweet.authorId()));
    }

    public byte[] tweet(Tweet tweet, User author) {
        JsonOut json = new JsonOut();
        TweetPages.writeTweet(json, tweet, author, mediaOf(List.of(tweet)));
        return json.toBytes();
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

    /** A page of tweets from ids newest first; {@code ids} holds one more than the limit if more exist. */
    public byte[] tweetPage(long[] ids, int limit) {
        int shown = Math.min(limit, ids.length);
        Set<Long> wanted = new HashSet<>(shown * 2);
        for (int i = 0; i < shown; i++) {
            wanted.add(ids[i]);
        }
        Map<Long, Tweet> found = tweets.getAll(wanted);
        Set<Long> authorIds = new HashSet<>();
        for (Tweet tweet : found.values()) {
            authorIds.add(tweet.authorId());
        }
        Map<Long, User> authors = users.getAll(authorIds);
        return TweetPages.render(ids, limit, found, authors, mediaOf(found.values()));
    }

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
