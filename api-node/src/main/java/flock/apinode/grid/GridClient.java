package flock.apinode.grid;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.ClientFlakeIdGeneratorConfig;
import com.hazelcast.client.properties.ClientProperty;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.core.HazelcastInstance;
import flock.domain.MapNames;
import flock.domain.serialization.DomainSerializers;
import io.helidon.config.Config;
import java.util.Arrays;
import java.util.List;

/**
 * The API node's connection to the grid: a smart Hazelcast client, so each key-based call goes straight
 * to the member owning the key. Settings live under {@code flock.grid} in application.yaml.
 */
public final class GridClient {
    /**
     * Written once, read on every page: tweets and profiles. Credentials too, so a token check costs no
     * network call. Each reader's likes and each tweet's counts, so a page's "liked by me" and counts cost none
     * either. The grid invalidates an entry on every change, so a deleted tweet, an edited profile, a rotated token
     * or a like taken back is not served from here after the change is acknowledged.
     */
    public static final List<String> NEAR_CACHED_MAPS = List.of(
            MapNames.TWEETS,
            MapNames.USERS,
            MapNames.CREDENTIALS,
            MapNames.USER_TIMELINES,
            MapNames.MEDIA,
            MapNames.LIKES,
            MapNames.REPOSTED,
            MapNames.BLOCKING,
            MapNames.MUTING,
            MapNames.NOTIFICATIONS,
            MapNames.TWEET_STATS);

    /**
     * Author timelines are near cached for profile pages and for the accounts in pull mode, whose timelines every
     * follower's page reads (HomeFeed reads them with getAll). Up to 800 ids each, so fewer of them than of the other
     * maps: the most read profiles, least recently read go first.
     */
    private static final int DEFAULT_AUTHOR_TIMELINES = 10_000;

    private GridClient() {}

    private static NearCacheConfig nearCache(String map, int entries) {
        return new NearCacheConfig(map)
                .setInMemoryFormat(InMemoryFormat.OBJECT)
                .setInvalidateOnChange(true)
                .setCacheLocalEntries(false)
                .setEvictionConfig(new EvictionConfig()
                        .setEvictionPolicy(EvictionPolicy.LRU)
                        .setMaxSizePolicy(MaxSizePolicy.ENTRY_COUNT)
                        .setSize(entries));
    }

    /** Ids fetched from the grid at a time: one round trip per 100 users, tweets or follows. */
    public static final int ID_PREFETCH_COUNT = 100;

    /**
     * How old a prefetched id may be when handed out. Ids order tweets in feeds, serve as {@code sinceId}
     * cursors and route follower edges to chunks by range, so they must follow the clock closely. Hazelcast's
     * default (10 minutes) would let a quiet API node post a tweet that sorts minutes into the past, below a
     * reader's {@code sinceId}, where polling never finds it.
     */
    public static final long ID_PREFETCH_VALIDITY_MILLIS = 1_000;

    public static ClientConfig config(Config grid) {
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
        // A write whose primary answered but whose backup's ack never came fails instead of succeeding after the
        // backup timeout, Hazelcast's client default. Once the primary has answered, a client no longer retries when
        // that member's connection drops, so a member killed between its answer and sending the backup would
        // otherwise leave an acknowledged write that the promoted backup never held. The API answers 503 and the
        // client's retry, idempotent, applies it again.
        config.setProperty(ClientProperty.FAIL_ON_INDETERMINATE_OPERATION_STATE.getName(), "true");
        config.getConnectionStrategyConfig()
                .getConnectionRetryConfig()
                .setClusterConnectTimeoutMillis(
                        grid.get("connect-timeout-millis").asLong().orElse(120_000L));
        config.setProperty("hazelcast.logging.type", "jdk");
        config.setProperty(
                "hazelcast.client.invocation.timeout.seconds",
                grid.get("invocation-timeout-seconds").asString().orElse("30"));
        int entries = grid.get("near-cache-entries").asInt().orElse(100_000);
        // The key's name before profile pages were read from this cache too is still honoured.
        int timelines = grid.get("near-cached-author-timelines")
                .asInt()
                .asOptional()
                .or(() -> grid.get("near-cached-pulled-timelines").asInt().asOptional())
                .orElse(DEFAULT_AUTHOR_TIMELINES);
        for (String map : NEAR_CACHED_MAPS) {
            config.addNearCacheConfig(nearCache(map, map.equals(MapNames.USER_TIMELINES) ? timelines : entries));
        }
        config.addFlakeIdGeneratorConfig(new ClientFlakeIdGeneratorConfig(MapNames.ID_GENERATOR)
                .setPrefetchCount(ID_PREFETCH_COUNT)
                .setPrefetchValidityMillis(ID_PREFETCH_VALIDITY_MILLIS));
        DomainSerializers.registerAll(config.getSerializationConfig().getCompactSerializationConfig());
        return config;
    }

    public static HazelcastInstance connect(Config grid) {
        return HazelcastClient.newHazelcastClient(config(grid));
    }
}
