package flock.apinode.timeline;

import com.hazelcast.core.HazelcastInstance;
import flock.apinode.grid.MissedEvents;
import flock.domain.MapNames;
import flock.domain.timeline.FeedChanges;

/**
 * Keeps a node's {@link FeedHeads} right: the writers' messages drop the heads they name, and a member joining or
 * leaving (feeds lost or moved) or this node's client losing its connection (messages missed) clears them all.
 */
final class FeedHeadListeners {
    private FeedHeadListeners() {}

    /** Registers the listeners before the heads are used, so no change can come in unheard; answers the heads. */
    static FeedHeads register(HazelcastInstance grid, FeedHeads heads) {
        grid.<FeedChanges>getTopic(MapNames.FEED_CHANGES)
                .addMessageListener(message -> heads.onChanges(message.getMessageObject()));
        MissedEvents.onEach(grid, heads::clear);
        return heads;
    }
}
