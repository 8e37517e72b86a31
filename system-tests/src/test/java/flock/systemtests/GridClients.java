package flock.systemtests;

import com.hazelcast.client.config.ClientConfig;
import flock.domain.serialization.DomainSerializers;
import flock.testkit.FlockStack;

/** Grid clients of a test's own, for work that would take minutes through HTTP (bulk likes, follows). */
final class GridClients {
    private GridClients() {}

    /** A client of the stack's cluster that reads and writes the domain's values. */
    static ClientConfig configFor(FlockStack stack) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(stack.clusterName());
        config.getNetworkConfig().setAddresses(stack.memberAddresses());
        DomainSerializers.registerAll(config.getSerializationConfig().getCompactSerializationConfig());
        return config;
    }
}
