package flock.gridnode;

import com.datastax.oss.driver.api.core.CqlSession;
import com.hazelcast.config.Config;
import com.hazelcast.config.InvalidConfigurationException;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MapStoreConfig;
import com.hazelcast.config.YamlConfigBuilder;
import com.hazelcast.internal.config.override.ExternalConfigurationOverride;
import flock.domain.MapNames;
import flock.domain.notification.OlderNotifications;
import flock.domain.serialization.DomainSerializers;
import flock.domain.timeline.OlderTweets;
import flock.mapstores.CassandraOlderNotifications;
import flock.mapstores.CassandraOlderTweets;
import flock.mapstores.FlockMapStoreFactory;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;

/** Builds a member's {@link Config} from {@code hazelcast.yaml} plus the launcher's settings. */
public final class MemberConfig {
    /** The maps whose entries Cassandra keeps; flushed before a member leaves. */
    static final List<String> PERSISTED_MAPS = List.of(
            MapNames.USERS,
            MapNames.HANDLES,
            MapNames.CREDENTIALS,
            MapNames.FOLLOWING,
            MapNames.FOLLOWERS,
            MapNames.FOLLOWER_CHUNKS,
            MapNames.TWEETS,
            MapNames.MEDIA,
            MapNames.LIKES,
            MapNames.LIKERS,
            MapNames.REPLIES,
            MapNames.QUOTES,
            MapNames.REPOSTS,
            MapNames.REPOSTED,
            MapNames.TWEET_STATS);

    /** The maps with a MapLoader: everything persisted, plus the user timelines read from Cassandra. */
    static final List<String> READ_THROUGH_MAPS = Stream.concat(
                    PERSISTED_MAPS.stream(), Stream.of(MapNames.USER_TIMELINES))
            .toList();

    private MemberConfig() {}

    /**
     * The packaged (or named) hazelcast.yaml, then Hazelcast's own overrides from the environment and system
     * properties ({@code HZ_NETWORK_JOIN_KUBERNETES_ENABLED=true}, {@code -Dhz.map.users.backup-count=2}), then
     * Flock's settings, with Flock's serializers registered.
     */
    public static Config load(MemberSettings settings) {
        Config yaml = settings.configFile().isEmpty() ? readPackaged() : readFile(settings.configFile());
        // Hazelcast applies these overrides only in Config.load(), which finds its file by its own rules (working
        // directory first); loading a named file, we apply them as it would. The Helm chart relies on them.
        Config config = new ExternalConfigurationOverride().overwriteMemberConfig(yaml);
        if (!settings.clusterName().isEmpty()) {
            config.setClusterName(settings.clusterName());
        }
        if (settings.port() > 0) {
            config.getNetworkConfig().setPort(settings.port());
        }
        if (!settings.members().isEmpty()) {
            config.getNetworkConfig().getJoin().getTcpIpConfig().setMembers(settings.members());
        }
        if (!settings.bindInterface().isEmpty()) {
            config.getNetworkConfig().getInterfaces().setInterfaces(List.of(settings.bindInterface()));
        }
        config.getJetConfig().setCooperativeThreadCount(settings.cooperativeThreads());
        DomainSerializers.registerAll(config.getSerializationConfig().getCompactSerializationConfig());
        return config;
    }

    /** Gives every map that hazelcast.yaml persists a factory holding the member's Cassandra session. */
    static void installMapStores(Config config, CqlSession session) {
        FlockMapStoreFactory factory = new FlockMapStoreFactory(session);
        for (MapConfig map : config.getMapConfigs().values()) {
            MapStoreConfig store = map.getMapStoreConfig();
            if (store.isEnabled() && FlockMapStoreFactory.class.getName().equals(store.getFactoryClassName())) {
                store.setFactoryImplementation(factory);
            }
        }
        // Deep pages past the 800 newest tweets kept in memory read Cassandra (see ReadAuthorTweets).
        config.getUserContext().put(OlderTweets.USER_CONTEXT_KEY, new CassandraOlderTweets(session));
        config.getUserContext().put(OlderNotifications.USER_CONTEXT_KEY, new CassandraOlderNotifications(session));
    }

    /**
     * For a grid without persistence (unit tests, the grid-only demo, the scaling benchmark): nothing written behind or
     * read through, but counts, which load as empty ({@link EmptyCounts}) so that near caches keep them.
     */
    public static void disableMapStores(Config config) {
        for (MapConfig map : config.getMapConfigs().values()) {
            map.getMapStoreConfig().setEnabled(false);
        }
        MapConfig counts = config.getMapConfig(MapNames.TWEET_STATS);
        counts.setMapStoreConfig(new MapStoreConfig()
                .setEnabled(true)
                .setInitialLoadMode(MapStoreConfig.InitialLoadMode.LAZY)
                .setImplementation(new EmptyCounts()));
    }

    private static Config readPackaged() {
        try (InputStream yaml = MemberConfig.class.getClassLoader().getResourceAsStream("hazelcast.yaml")) {
            if (yaml == null) {
                throw new InvalidConfigurationException("hazelcast.yaml is missing from the grid-node classpath");
            }
            return new YamlConfigBuilder(yaml).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Config readFile(String path) {
        try (InputStream yaml = new FileInputStream(path)) {
            return new YamlConfigBuilder(yaml).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read member configuration " + path, e);
        }
    }
}
