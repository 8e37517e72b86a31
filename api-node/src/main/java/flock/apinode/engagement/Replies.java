package flock.apinode.engagement;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import flock.domain.MapNames;
import flock.domain.engagement.BucketKey;
import flock.domain.engagement.EdgeBucket;
import flock.domain.tweet.Tweet;

/**
 * The replies of a tweet and the chain of tweets it answers. Replies are written by the fan-out (a reply's place
 * among its parent's replies and the count come from the tweets' journal, like its feeds), so a reply shows here
 * within the fan-out's lag of being posted.
 */
public final class Replies {
    /**
     * The most parents a thread's context walks up: each is one read (from the near cache once read). Deeper chains
     * show their newest {@value} ancestors; the root is still named by every tweet's {@code conversationId}.
     */
    public static final int MAX_ANCESTORS = 100;

    private final IMap<Long, Tweet> tweets;
    private final IMap<BucketKey, EdgeBucket> replies;

    public Replies(HazelcastInstance grid) {
        this.tweets = grid.getMap(MapNames.TWEETS);
        this.replies = grid.getMap(MapNames.REPLIES);
    }

    /** The direct replies of the tweet, newest first; one more than the limit if more exist. */
    public long[] repliesOf(long tweetId, long maxId, int limit) {
        return BucketPages.newest(replies, tweetId, maxId, limit).otherIds();
    }

    /**
     * The tweets the given one answers, oldest first: its parent, the parent's parent, up to the conversation's root
     * or the first one deleted (whose own parent nobody knows any more), at most {@link #MAX_ANCESTORS}.
     */
    public long[] ancestorsOf(Tweet tweet) {
        long[] chain = new long[MAX_ANCESTORS];
        int count = 0;
        Tweet at = tweet;
        while (at.isReply() && count < MAX_ANCESTORS) {
            Tweet parent = tweets.get(at.inReplyToId());
            if (parent == null) {
                break;
            }
            chain[count++] = parent.id();
            at = parent;
        }
        long[] oldestFirst = new long[count];
        for (int i = 0; i < count; i++) {
            oldestFirst[i] = chain[count - 1 - i];
        }
        return oldestFirst;
    }
}
