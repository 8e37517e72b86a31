package flock.pipelines;

import com.hazelcast.core.EntryEventType;
import com.hazelcast.map.EventJournalMapEvent;
import flock.domain.graph.FollowList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One account followed or unfollowed, derived from the change of a user's {@code following} list as the
 * map's event journal records it (the old and the new list).
 *
 * @param followed true for a follow, false for an unfollow
 * @param followerFollows the follower's list after the change: a backfill keeps the followee's replies to someone else
 *     only for a follower who follows that account too
 */
record FollowChange(long followerId, long followeeId, boolean followed, FollowList followerFollows) {

    /**
     * A follow list before and after one edit, as the journal projection hands it over. A single record
     * (not an array of changes) because the projection runs on the partition owner and its result is
     * serialized: Compact takes a record, not an array of them.
     */
    record FollowEdit(long followerId, FollowList before, FollowList after) {
        /** Edits of a list; loads from Cassandra and evictions change nothing anyone did. */
        static boolean isEdit(EventJournalMapEvent<Long, FollowList> event) {
            EntryEventType type = event.getType();
            return type == EntryEventType.ADDED || type == EntryEventType.UPDATED || type == EntryEventType.REMOVED;
        }

        static FollowEdit of(EventJournalMapEvent<Long, FollowList> event) {
            FollowList before = event.getOldValue() == null ? FollowList.EMPTY : event.getOldValue();
            FollowList after = event.getNewValue() == null ? FollowList.EMPTY : event.getNewValue();
            return new FollowEdit(event.getKey(), before, after);
        }

        FollowChange[] changes() {
            return FollowChange.between(followerId, before, after);
        }
    }

    static FollowChange[] between(long follower, FollowList beforeList, FollowList afterList) {
        Set<Long> before = ids(beforeList);
        Set<Long> after = ids(afterList);
        List<FollowChange> changes = new ArrayList<>(1);
        for (Long followee : after) {
            if (!before.contains(followee)) {
                changes.add(new FollowChange(follower, followee, true, afterList));
            }
        }
        for (Long followee : before) {
            if (!after.contains(followee)) {
                changes.add(new FollowChange(follower, followee, false, afterList));
            }
        }
        return changes.toArray(FollowChange[]::new);
    }

    private static Set<Long> ids(FollowList list) {
        if (list == null) {
            return Set.of();
        }
        Set<Long> ids = new HashSet<>(list.size() * 2);
        for (long id : list.userIds()) {
            ids.add(id);
        }
        return ids;
    }
}
