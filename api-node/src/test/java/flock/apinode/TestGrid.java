package flock.apinode;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.test.TestHazelcastFactory;
import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.YamlConfigBuilder;
import com.hazelcast.core.HazelcastInstance;
import flock.apinode.grid.GridClient;
import flock.apinode.limits.LimitSettings;
import flock.domain.MapNames;
import flock.domain.limits.DrawTokens;
import flock.domain.limits.RateShard;
import flock.domain.serialization.DomainSerializers;
import flock.pipelines.FanOutPipeline;
import flock.pipelines.NotifyPipeline;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * An in-JVM grid for the API's unit tests: one member on the project's real hazelcast.yaml (maps,
 * formats, journals) without its Cassandra stores, the fan-out and notify jobs, and a client as the API node uses.
 * Shared by every test in the JVM; the fork's exit ends it.
 */
final class TestGrid {
    /** Limits no test reaches but those of the rate limits themselves (RateLimitTest), which set their own. */
    static final LimitSettings NO_LIMITS = new LimitSettings(
            new LimitSettings.Limit(1_000_000_000, java.time.Duration.ofMinutes(5)),
            new LimitSettings.Limit(1_000_000_000, java.time.Duration.ofMinutes(5)),
            new LimitSettings.Limit(1_000_000_000, java.time.Duration.ofMinutes(5)),
            LimitSettings.DEFAULTS.sync(),
            java.util.Optional.empty());

    private static TestHazelcastFactory factory;
    private static HazelcastInstance client;

    private TestGrid() {}

    static synchronized HazelcastInstance client() {
        if (client == null) {
            client = newApiNodeClient();
        }
        return client;
    }

    /** A client configured exactly as an API node's (near caches included), on the shared grid. */
    static synchronized HazelcastInstance newApiNodeClient() {
        if (factory == null) {
            factory = new TestHazelcastFactory();
            HazelcastInstance member = factory.newHazelcastInstance(memberConfig());
            FanOutPipeline.submitIfAbsent(member.getJet());
            NotifyPipeline.submitIfAbsent(member.getJet(), FanOutPipeline.SNAPSHOT_INTERVAL);
        }
        ClientConfig config = GridClient.config(io.helidon.config.Config.empty());
        config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(30_000);
        return factory.newHazelcastClient(config);
    }

    /** An API node of its own on the shared grid: its own client, near caches, feed heads and kept JSON. */
    static ApiServices newApiNode() {
        return ApiServices.wire(newApiNodeClient());
    }

    /** The project's hazelcast.yaml as a test member runs it: Cassandra stores off, the domain's serializers on. */
    static Config memberConfig() {
        try (FileInputStream yaml =
                new FileInputStream(Path.of("..", "hazelcast.yaml").toFile())) {
            Config config = new YamlConfigBuilder(yaml).build();
            config.setProperty("hazelcast.logging.type", "jdk");
            for (MapConfig map : config.getMapConfigs().values()) {
                map.getMapStoreConfig().setEnabled(false);
            }
            DomainSerializers.registerAll(config.getSerializationConfig().getCompactSerializationConfig());
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tokens the grid holds for a rate-limited client, as an API node's first request would read them. */
    static double tokensInGrid(String client, LimitSettings.Limit limit) {
        return client().<Integer, RateShard>getMap(MapNames.RATE_LIMITS)
                .executeOnKey(
                        RateShard.of(client),
                        DrawTokens.read(client, limit.requests(), limit.period().toMillis()))[0];
    }
}
