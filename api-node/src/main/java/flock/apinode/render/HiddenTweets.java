package flock.apinode.render;

import com.hazelcast.map.IMap;
import flock.domain.tweet.Tweet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * Leaves out of a page the tweets its reader must not see: by an account hidden from the reader, answering one, or
 * reposting or quoting a tweet of one. The tweets are read from the near cache, and only for a reader who hides
 * someone: the pages of everyone else cost nothing more. A tweet left out keeps its place for the cursor, as a deleted
 * one does, so the next page starts where this one ended.
 */
final class HiddenTweets {
    private HiddenTweets() {}

    /** Sets to null the JSON of each tweet of {@code ids} (parallel to {@code json}) the reader must not see. */
    static void leaveOut(IMap<Long, Tweet> tweets, long[] ids, byte[][] json, LongPredicate hidden) {
        Set<Long> shown = new HashSet<>(json.length * 2);
        for (int i = 0; i < json.length; i++) {
            if (json[i] != null) {
                shown.add(ids[i]);
            }
        }
        Map<Long, Tweet> found = tweets.getAll(shown);
        Set<Long> inner = new HashSet<>();
        for (int i = 0; i < json.length; i++) {
            Tweet tweet = json[i] == null ? null : found.get(ids[i]);
            if (tweet != null && hides(hidden, tweet)) {
                json[i] = null;
            } else if (tweet != null && innerOf(tweet) != 0) {
                inner.add(innerOf(tweet));
            }
        }
        if (inner.isEmpty()) {
            return;
        }
        Map<Long, Tweet> originals = tweets.getAll(inner);
        for (int i = 0; i < json.length; i++) {
            Tweet tweet = json[i] == null ? null : found.get(ids[i]);
            Tweet original = tweet == null ? null : originals.get(innerOf(tweet));
            if (original != null && hides(hidden, original)) {
                json[i] = null;
            }
        }
    }

    private static boolean hides(LongPredicate hidden, Tweet tweet) {
        return hidden.test(tweet.authorId())
                || (tweet.inReplyToAuthorId() != 0 && hidden.test(tweet.inReplyToAuthorId()));
    }

    /** What the tweet shows inside it: the tweet it reposts or quotes, or 0. */
    private static long innerOf(Tweet tweet) {
        return tweet.isRepost() ? tweet.repostOfId() : tweet.isQuote() ? tweet.quoteOfId() : 0;
    }
}
