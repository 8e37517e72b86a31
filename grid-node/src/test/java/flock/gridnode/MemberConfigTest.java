package flock.gridnode;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import flock.domain.MapNames;
import flock.mapstores.FlockMapStoreFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemberConfigTest {
    private static final MemberSettings DEFAULTS = MemberSettings.from(key -> null);

    @Test
    void should_default_to_the_yaml_when_nothing_is_set() {
        assertThat(DEFAULTS.configFile()).isEmpty();
        assertThat(DEFAULTS.port()).isZero();
        assertThat(DEFAULTS.members()).isEmpty();
        assertThat(DEFAULTS.cassandraEnabled()).isTrue();
        assertThat(DEFAULTS.idleEviction()).isEqualTo(java.time.Duration.ofDays(7));
        Config config = MemberConfig.load(DEFAULTS);
        assertThat(config.getClusterName()).isEqualTo("flock");
        assertThat(config.getNetworkConfig().getPort()).isEqualTo(5701);
        assertThat(config.getJetConfig().getCooperativeThreadCount())
                .as("half the cores, at least one")
                .isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    }

    @Test
    void should_apply_launcher_settings_over_the_yaml() {
        MemberSettings settings = MemberSettings.from(Map.of(
                "cluster-name", "test-cluster",
                "member.port", "15701",
                "members", "127.0.0.1:15701, 127.0.0.1:15702",
                "cassandra.enabled", "false",
                "feed.idle-eviction", "PT30M",
                "jobs.cooperative-threads", "3")::get);
        assertThat(settings.idleEviction()).isEqualTo(java.time.Duration.ofMinutes(30));
        Config config = MemberConfig.load(settings);
        assertThat(settings.cassandraEnabled()).isFalse();
        assertThat(config.getClusterName()).isEqualTo("test-cluster");
        assertThat(config.getNetworkConfig().getPort()).isEqualTo(15701);
        assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().getMembers())
                .containsExactly("127.0.0.1:15701", "127.0.0.1:15702");
        assertThat(config.getJetConfig().getCooperativeThreadCount()).isEqualTo(3);
    }

    @Test
    void should_apply_hazelcasts_own_overrides_over_the_yaml() {
        System.setProperty("hz.map.users.backup-count", "2");
        System.setProperty("hz.network.join.tcp-ip.enabled", "false");
        try {
            Config config = MemberConfig.load(DEFAULTS);

            assertThat(config.getMapConfig(MapNames.USERS).getBackupCount()).isEqualTo(2);
            assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().isEnabled())
                    .isFalse();
        } finally {
            System.clearProperty("hz.map.users.backup-count");
            System.clearProperty("hz.network.join.tcp-ip.enabled");
        }
    }

    @Test
    void should_enable_jet_and_journal_tweets_and_follows_for_the_jobs() {
        Config config = MemberConfig.load(DEFAULTS);
        assertThat(config.getJetConfig().isEnabled()).isTrue();
        assertThat(config.getMapConfig(MapNames.TWEETS).getEventJournalConfig().isEnabled())
                .isTrue();
        assertThat(config.getMapConfig(MapNames.TWEETS).getEventJournalConfig().getCapacity())
                .isGreaterThanOrEqualTo(100_000);
    }

    @Test
    void should_back_up_every_map_and_write_behind_every_persisted_one() {
        Config config = MemberConfig.load(DEFAULTS);
        for (String name : MemberConfig.PERSISTED_MAPS) {
            MapConfig map = config.getMapConfig(name);
            assertThat(map.getBackupCount()).as(name).isGreaterThanOrEqualTo(1);
            assertThat(map.getMapStoreConfig().isEnabled()).as(name).isTrue();
            assertThat(map.getMapStoreConfig().getWriteDelaySeconds()).as(name).isEqualTo(1);
            // Coalescing, tweets too: Hazelcast stores a non-coalescing queue one entry at a time (hazelcast.yaml).
            assertThat(map.getMapStoreConfig().isWriteCoalescing()).as(name).isTrue();
            assertThat(map.getMapStoreConfig().getWriteBatchSize()).as(name).isGreaterThan(1);
            assertThat(map.getMapStoreConfig().getFactoryClassName()).isEqualTo(FlockMapStoreFactory.class.getName());
        }
        assertThat(config.getMapConfig(MapNames.HOME_TIMELINES).getInMemoryFormat())
                .isEqualTo(InMemoryFormat.OBJECT);
        // Derived: rebuilt on read after a member loss, so no backup
        assertThat(config.getMapConfig(MapNames.HOME_TIMELINES).getBackupCount())
                .isZero();
        assertThat(config.getMapConfig(MapNames.HOME_TIMELINES).getAsyncBackupCount())
                .isZero();
        assertThat(config.getMapConfig(MapNames.HOME_TIMELINES)
                        .getMapStoreConfig()
                        .isEnabled())
                .isFalse();
    }

    @Test
    void should_say_what_a_bad_idle_period_should_look_like() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> MemberSettings.from(Map.of("feed.idle-eviction", "7 days")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("flock.feed.idle-eviction")
                .hasMessageContaining("P7D");
    }

    @Test
    void should_turn_every_store_off_for_a_grid_without_cassandra_but_the_empty_counts_loader() {
        Config config = MemberConfig.load(DEFAULTS);
        MemberConfig.disableMapStores(config);
        assertThat(config.getMapConfigs().values())
                .filteredOn(map -> !map.getName().equals(MapNames.TWEET_STATS))
                .allMatch(map -> !map.getMapStoreConfig().isEnabled());
        assertThat(config.getMapConfig(MapNames.TWEET_STATS).getMapStoreConfig().getImplementation())
                .isInstanceOf(EmptyCounts.class);
    }
}
