package flock.benchmarks;

import com.hazelcast.config.Config;
import com.hazelcast.config.YamlConfigBuilder;
import flock.domain.serialization.DomainSerializers;
import flock.testkit.ProjectLayout;
import java.io.FileInputStream;
import java.io.IOException;
import java.util.List;

/** Members started inside a benchmark's own JVM, on the project's hazelcast.yaml, as the stage-less benchmarks use. */
final class InJvmMembers {
    private InJvmMembers() {}

    /**
     * The project's member configuration in a cluster of its own: quiet, joining over loopback from {@code port} up,
     * Flock's serializers registered. Map stores stay as the YAML has them, for the caller to wire or switch off.
     */
    static Config config(String cluster, int port) throws IOException {
        try (FileInputStream in = new FileInputStream(
                ProjectLayout.root().resolve("hazelcast.yaml").toFile())) {
            Config config = new YamlConfigBuilder(in).build();
            config.setClusterName(cluster);
            config.setProperty("hazelcast.logging.type", "none");
            config.getNetworkConfig().setPort(port).setPortAutoIncrement(true);
            config.getNetworkConfig().getJoin().getTcpIpConfig().setMembers(List.of("127.0.0.1"));
            DomainSerializers.registerAll(config.getSerializationConfig().getCompactSerializationConfig());
            return config;
        }
    }
}
