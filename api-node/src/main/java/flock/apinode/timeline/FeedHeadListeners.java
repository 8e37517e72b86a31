package flock.apinode.timeline;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
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
        grid.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                heads.clear();
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                heads.clear();
            }
        });
        grid.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleState.CLIENT_DISCONNECTED
                    || event.getState() == LifecycleState.CLIENT_CONNECTED) {
                heads.clear();
            }
        });
        return heads;
    }
}
