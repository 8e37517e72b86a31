package flock.gridnode;

import com.hazelcast.config.Config;

/** The configuration of a member the tests start in this JVM: the project's yaml, nothing persisted, no TCP join. */
final class InMemoryMembers {
    private InMemoryMembers() {}

    static Config config() {
        Config config = MemberConfig.load(MemberSettings.from(key -> null));
        MemberConfig.disableMapStores(config);
        config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(false);
        return config;
    }
}
