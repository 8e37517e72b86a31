package flock.apinode.notification;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import flock.apinode.grid.Determinate;
import flock.apinode.paging.PageRequest;
import flock.domain.MapNames;
import flock.domain.notification.Inbox;
import flock.domain.notification.MarkNotificationsRead;
import flock.domain.notification.ReadNotifications;

/**
 * A user's notifications, as the notify job keeps them ({@link Inbox}): pages read on the member that owns the inbox
 * (deep ones continued from Cassandra there), the unread count from this node's near cache (every page load asks for
 * it; the grid invalidates the entry on each change), and the read marker moved on the owner.
 */
public final class Notifications {
    private final IMap<Long, Inbox> inboxes;

    public Notifications(HazelcastInstance grid) {
        this.inboxes = grid.getMap(MapNames.NOTIFICATIONS);
    }

    /** Groups of the kinds in the mask, newest first, one more than the limit if more exist. */
    public Inbox page(long userId, PageRequest page, int kindMask) {
        return inboxes.executeOnKey(
                userId, new ReadNotifications(page.maxId(), page.sinceId(), page.limit(), kindMask));
    }

    /** Groups above the read marker, among the newest {@value Inbox#CAPACITY}. */
    public int unread(long userId) {
        Inbox inbox = inboxes.get(userId);
        return inbox == null ? 0 : inbox.unread();
    }

    /** Moves the marker up to the group id (never down, never past the newest group); answers where it now is. */
    public long markRead(long userId, long upToId) {
        return Determinate.get(() -> inboxes.executeOnKey(userId, new MarkNotificationsRead(upToId)));
    }
}
