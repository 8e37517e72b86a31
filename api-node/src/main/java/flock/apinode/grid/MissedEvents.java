package flock.apinode.grid;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;

/**
 * When an API node's caches that the grid's events keep right (feed heads, kept tweet JSON) must be forgotten whole:
 * a member joining or leaving (data moved or lost) and this node's client disconnecting or reconnecting (events sent
 * meanwhile never came).
 */
public final class MissedEvents {
    private MissedEvents() {}

    /** Runs {@code forgetAll} on each such change, from the client's event threads. */
    public static void onEach(HazelcastInstance grid, Runnable forgetAll) {
        grid.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                forgetAll.run();
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                forgetAll.run();
            }
        });
        grid.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleState.CLIENT_DISCONNECTED
                    || event.getState() == LifecycleState.CLIENT_CONNECTED) {
                forgetAll.run();
            }
        });
    }
}
