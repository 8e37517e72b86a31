package flock.pipelines;

import com.hazelcast.core.EntryEventType;
import com.hazelcast.map.EventJournalMapEvent;
import flock.domain.FollowList;
import flock.domain.MapNames;
import flock.domain.Tweet;

/**
 * A tweet posted or deleted, as read from the tweets map's event journal.
 *
 * @param removal true when the tweet was deleted and must leave every timeline
 * @param pulled true when the author is in pull mode: followers merge its tweets in at read, so only the
 *     author's own feed is updated (a deleted tweet pushed before the author switched may stay behind in
 *     a follower's feed, where it is never served: pages show only tweets that still exist)
 */
record TweetEvent(long tweetId, long authorId, boolean removal, boolean pulled) {

    /** Only posts and deletes matter; loads from Cassandra and evictions are not new content. */
    static boolean isPostOrDelete(EventJournalMapEvent<Long, Tweet> event) {
        return event.getType() == EntryEventType.ADDED || event.getType() == EntryEventType.REMOVED;
    }

    static TweetEvent of(EventJournalMapEvent<Long, Tweet> event) {
        boolean removal = event.getType() == EntryEventType.REMOVED;
        Tweet tweet = removal ? event.getOldValue() : event.getNewValue();
        return new TweetEvent(event.getKey(), tweet.authorId(), removal, false);
    }

    /** This event with the author's pull state from the registry (null when the author is pushed). */
    TweetEvent withPullState(String state) {
        boolean pull = MapNames.PULL.equals(state);
        return pull == pulled ? this : new TweetEvent(tweetId, authorId, removal, pull);
    }

    /** The only update of a pulled author's tweet: the author's own feed. */
    TimelineUpdate ownFeedUpdate() {
        return new TimelineUpdate(authorId, tweetId, removal);
    }

    /** The author's own feed first, then every follower's. */
    TimelineUpdate[] updatesFor(FollowList followers) {
        int followerCount = followers == null ? 0 : followers.size();
        TimelineUpdate[] updates = new TimelineUpdate[followerCount + 1];
        updates[0] = new TimelineUpdate(authorId, tweetId, removal);
        for (int i = 0; i < followerCount; i++) {
            updates[i + 1] = new TimelineUpdate(followers.userIds()[i], tweetId, removal);
        }
        return updates;
    }
}
