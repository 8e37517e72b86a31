package flock.benchmarks.server;

import flock.domain.tweet.Tweet;

/**
 * Where the Redis design keeps what, shared by the bench server and the loader that fills Redis before a run.
 *
 * <ul>
 *   <li>{@code u:ID} a profile ("handle TAB name"); {@code t:ID} a tweet ({@link #tweetValue});
 *   <li>{@code ut:ID} the user's own tweet ids, {@code ht:ID} the home timeline (lists, newest first, 800 long);
 *   <li>{@code f:ID} the followers (a list, read whole by the fan-out), {@code g:ID} the accounts followed (a set:
 *       the reply rule asks whether a follower also follows the account replied to);
 *   <li>{@code l:TWEET} the tweet's likers (a set), {@code ul:ID} the user's likes (a sorted set of tweet ids by
 *       when each was liked: the likes page, and "liked by me" for a whole page with one ZMSCORE);
 *   <li>{@code ur:ID} the user's reposts (a hash, original to repost: one repost per original, and "reposted by me"
 *       with one HMGET), {@code hr:ID} the originals already reposted into a home timeline (a set);
 *   <li>{@code c:TWEET} the tweet's counts (a hash: likes, reposts, replies, quotes), {@code r:TWEET} its replies.
 * </ul>
 */
public final class RedisLayout {
    private RedisLayout() {}

    /** The count fields of {@code c:TWEET}, in the order pages show them. */
    static final String[] COUNTS = {"likes", "reposts", "replies", "quotes"};

    /**
     * A tweet as Redis keeps it: "author TAB millis TAB inReplyTo TAB inReplyToAuthor TAB conversation TAB repostOf TAB
     * text", with 0 for what the tweet does not have.
     */
    public static String tweetValue(Tweet tweet) {
        return tweet.authorId() + "\t" + tweet.createdAt() + "\t" + tweet.inReplyToId() + "\t"
                + tweet.inReplyToAuthorId() + "\t" + tweet.conversationId() + "\t" + tweet.repostOfId() + "\t"
                + tweet.text();
    }

    static Tweet tweet(long id, String value) {
        String[] parts = value.split("\t", 7);
        return new Tweet(
                id,
                Long.parseLong(parts[0]),
                parts[6],
                Long.parseLong(parts[1]),
                new long[0],
                Long.parseLong(parts[2]),
                Long.parseLong(parts[3]),
                Long.parseLong(parts[4]),
                0,
                Long.parseLong(parts[5]));
    }
}
