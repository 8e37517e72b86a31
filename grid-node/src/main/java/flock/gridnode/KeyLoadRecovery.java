package flock.gridnode;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unsticks read-through maps after a member crash. Hazelcast coordinates MapLoader key loading from the
 * owner of one partition per map; when a member dies, partitions promoted from backups can wait for a
 * "loading finished" signal from a coordinator that no longer exists, and refuse every operation with
 * "still loading data from external store" for a minute or more (seen in MemberKillIT). Flock's loaders
 * load no keys up front, so asking for a new key-load round costs nothing and ends with every partition
 * told that loading has finished. Only the oldest member asks, so the round runs once.
 */
final class KeyLoadRecovery implements MembershipListener {
    private static final Logger LOG = LoggerFactory.getLogger(KeyLoadRecovery.class);

    private final HazelcastInstance member;
    private final List<String> readThroughMaps;

    KeyLoadRecovery(HazelcastInstance member, List<String> readThroughMaps) {
        this.member = member;
        this.readThroughMaps = List.copyOf(readThroughMaps);
    }

    @Override
    public void memberAdded(MembershipEvent event) {}

    @Override
    public void memberRemoved(MembershipEvent event) {
        if (!member.getCluster().getMembers().iterator().next().localMember()) {
            return;
        }
        CompletableFuture.runAsync(() -> {
            for (String map : readThroughMaps) {
                try {
                    member.getMap(map).loadAll(false);
                } catch (RuntimeException e) {
                    LOG.warn("Could not restart key loading of map {} after {} left", map, event.getMember(), e);
                }
            }
            LOG.info("Key loading state renewed on {} maps after {} left", readThroughMaps.size(), event.getMember());
        });
    }
}
