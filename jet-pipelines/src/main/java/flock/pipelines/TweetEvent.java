package flock.pipelines;

import com.hazelcast.core.EntryEventType;
import com.hazelcast.map.EventJournalMapEvent;
import flock.domain.FollowList;
import flock.domain.Tweet;

/**
 * A tweet posted or deleted, as read from the tweets map's event journal.
 *
 * @param removal true when the tweet was deleted and must leave every timeline
 */
record TweetEvent(long tweetId, long authorId, boolean removal) {

    /** Only posts and deletes matter; loads from Cassandra and evictions are not new content. */
    static boolean isPostOrDelete(EventJournalMapEvent<Long, Tweet> event) {
        return event.getType() == EntryEventType.ADDED || event.getType() == EntryEventType.REMOVED;
    }

    static TweetEvent of(EventJournalMapEvent<Long, Tweet> event) {
        boolean removal = event.getType() == EntryEventType.REMOVED;
        Tweet tweet = removal ? event.getOldValue() : event.getNewValue();
        return new TweetEvent(event.getKey(), tweet.authorId(), removal);
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
