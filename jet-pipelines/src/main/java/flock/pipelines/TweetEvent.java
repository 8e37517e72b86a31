package flock.pipelines;

import com.hazelcast.core.EntryEventType;
import com.hazelcast.map.EventJournalMapEvent;
import flock.domain.MapNames;
import flock.domain.graph.FollowList;
import flock.domain.graph.FollowerChunkKey;
import flock.domain.tweet.Tweet;
import java.util.List;

/**
 * A tweet posted or deleted, as read from the tweets map's event journal.
 *
 * @param removal true when the tweet was deleted and must leave every timeline
 * @param pulled true when the author is in pull mode: followers merge its tweets in at read, so only the
 *     author's own feed is updated (a deleted tweet pushed before the author switched may stay behind in
 *     a follower's feed, where it is never served: pages show only tweets that still exist)
 * @param inReplyToId the tweet a reply answers, 0 for a tweet that answers none
 * @param audienceAlsoFollowing for a reply to someone else, the account a follower must also follow to get it
 *     ({@link Tweet#audienceAlsoFollowing}); 0 for every other tweet
 * @param quoteOfId the tweet a quote quotes, 0 for a tweet that quotes none
 * @param repostOfId the tweet a repost reposts, 0 for every other tweet
 */
record TweetEvent(
        long tweetId,
        long authorId,
        long postedAtMillis,
        boolean removal,
        boolean pulled,
        long inReplyToId,
        long audienceAlsoFollowing,
        long quoteOfId,
        long repostOfId) {

    /** A tweet that answers none (tests). */
    TweetEvent(long tweetId, long authorId, long postedAtMillis, boolean removal, boolean pulled) {
        this(tweetId, authorId, postedAtMillis, removal, pulled, 0, 0, 0, 0);
    }

    /** Only posts and deletes matter; loads from Cassandra and evictions are not new content. */
    static boolean isPostOrDelete(EventJournalMapEvent<Long, Tweet> event) {
        return event.getType() == EntryEventType.ADDED || event.getType() == EntryEventType.REMOVED;
    }

    static TweetEvent of(EventJournalMapEvent<Long, Tweet> event) {
        boolean removal = event.getType() == EntryEventType.REMOVED;
        Tweet tweet = removal ? event.getOldValue() : event.getNewValue();
        return new TweetEvent(
                event.getKey(),
                tweet.authorId(),
                tweet.createdAt(),
                removal,
                false,
                tweet.inReplyToId(),
                tweet.audienceAlsoFollowing(),
                tweet.quoteOfId(),
                tweet.repostOfId());
    }

    /** This event with the author's pull state from the registry (null when the author is pushed). */
    TweetEvent withPullState(String state) {
        boolean pull = MapNames.PULL.equals(state);
        return pull == pulled
                ? this
                : new TweetEvent(
                        tweetId,
                        authorId,
                        postedAtMillis,
                        removal,
                        pull,
                        inReplyToId,
                        audienceAlsoFollowing,
                        quoteOfId,
                        repostOfId);
    }

    /** The only update of a pulled author's tweet: the author's own feed. */
    FanOutBatch ownFeedOnly() {
        return new FanOutBatch(tweetId, postedAtMillis, removal, new long[] {authorId}, audience(), repostOfId);
    }

    /**
     * The author's own feed and every follower's in the list (a whole list, or a split list's head), in
     * batches of at most {@link FanOutBatch#MAX_FEEDS}.
     */
    FanOutBatch[] batchesFor(FollowList followers) {
        return batches(followers, true);
    }

    /** The feeds of the followers in one chunk of a split follower list. */
    FanOutBatch[] chunkBatchesFor(FollowList chunk) {
        return batches(chunk, false);
    }

    /** The chunks beyond the head of the author's follower list, to be read (spread over every member). */
    List<FollowerChunkRead> chunkReads(FollowList head) {
        if (head == null || head.chunks() == 0) {
            return List.of();
        }
        return FollowerChunkKey.allOf(authorId, head.chunks()).stream()
                .map(key -> new FollowerChunkRead(this, key))
                .toList();
    }

    /**
     * Whom the batches' feeds are narrowed to: a removal goes to every feed (taking out what is not there changes
     * nothing), an insert of a reply to someone else only to those that also follow that account.
     */
    private FanOutBatch.Audience audience() {
        return removal || audienceAlsoFollowing == 0
                ? FanOutBatch.Audience.EVERYONE
                : new FanOutBatch.Audience(audienceAlsoFollowing, authorId);
    }

    private FanOutBatch[] batches(FollowList followers, boolean withAuthor) {
        long[] followerIds = followers == null ? new long[0] : followers.userIds();
        int own = withAuthor ? 1 : 0;
        int feeds = followerIds.length + own;
        FanOutBatch[] batches = new FanOutBatch[(feeds + FanOutBatch.MAX_FEEDS - 1) / FanOutBatch.MAX_FEEDS];
        for (int batch = 0; batch < batches.length; batch++) {
            int from = batch * FanOutBatch.MAX_FEEDS;
            long[] userIds = new long[Math.min(FanOutBatch.MAX_FEEDS, feeds - from)];
            for (int i = 0; i < userIds.length; i++) {
                int feed = from + i;
                userIds[i] = feed < own ? authorId : followerIds[feed - own];
            }
            batches[batch] = new FanOutBatch(tweetId, postedAtMillis, removal, userIds, audience(), repostOfId);
        }
        return batches;
    }
}
