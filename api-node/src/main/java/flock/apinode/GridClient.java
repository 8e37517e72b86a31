package flock.apinode;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import flock.domain.DomainSerializers;
import io.helidon.config.Config;
import java.util.Arrays;
import java.util.List;

/**
 * The API node's connection to the grid: a smart Hazelcast client, so each key-based call goes straight
 * to the member owning the key. Settings live under {@code flock.grid} in application.yaml.
 */
final class GridClient {
    private GridClient() {}

    static ClientConfig config(Config grid) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(grid.get("cluster-name").asString().orElse("flock"));
        List<String> addresses = Arrays.stream(grid.get("addresses")
                        .asString()
                        .orElse("127.0.0.1:5701")
                        .split(","))
                .map(String::strip)
                .filter(address -> !address.isEmpty())
                .toList();
        config.getNetworkConfig().setAddresses(addresses).setSmartRouting(true);
        // Every write the API sends is idempotent except tweet counts, so retrying on a lost connection
        // (a member crash) is what keeps an acknowledged write from being lost.
        config.getNetworkConfig().setRedoOperation(true);
        config.getConnectionStrategyConfig()
                .getConnectionRetryConfig()
                .setClusterConnectTimeoutMillis(
                        grid.get("connect-timeout-millis").asLong().orElse(120_000L));
        config.setProperty("hazelcast.logging.type", "jdk");
        config.setProperty(
                "hazelcast.client.invocation.timeout.seconds",
                grid.get("invocation-timeout-seconds").asString().orElse("30"));
        DomainSerializers.registerAll(config.getSerializationConfig().getCompactSerializationConfig());
        return config;
    }

    static HazelcastInstance connect(Config grid) {
        return HazelcastClient.newHazelcastClient(config(grid));
    }
}
