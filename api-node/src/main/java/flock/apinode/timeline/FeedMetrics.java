package flock.apinode.timeline;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.nearcache.NearCacheStats;
import flock.apinode.grid.GridClient;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The API node's feed metrics, served at {@code /observe/metrics}: feed rebuilds (their rate and time),
 * deep pages, and the near caches' hit ratio. Registered once per registry; every API object shares them.
 */
public final class FeedMetrics {
    private final Timer rebuilds;
    private final Counter deepPages;
    private final Counter headHits;
    private final Counter headMisses;

    private FeedMetrics(Timer rebuilds, Counter deepPages, Counter headHits, Counter headMisses) {
        this.rebuilds = rebuilds;
        this.deepPages = deepPages;
        this.headHits = headHits;
        this.headMisses = headMisses;
    }

    public static FeedMetrics register(HazelcastInstance grid) {
        MeterRegistry registry = Metrics.globalRegistry();
        Timer rebuilds = registry.getOrCreate(Timer.builder("flock.feed.rebuild")
                .description("Home feeds rebuilt from the followed accounts' timelines on a read that missed")
                .percentiles(0.5, 0.99)
                .publishPercentileHistogram(true)
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30)));
        for (String name : GridClient.NEAR_CACHED_MAPS) {
            IMap<?, ?> map = grid.getMap(name);
            registry.getOrCreate(Gauge.builder("flock.nearcache.hit.ratio", map, FeedMetrics::hitRatio)
                    .description("Share of near-cache lookups answered without a network call, since start")
                    .tags(List.of(Tag.create("map", name))));
            // Why a ratio is low: lookups that went to the grid, entries dropped for room, and those dropped because
            // the entry changed (or because the node found it missed a change and cleared a whole partition's).
            nearCacheCount(
                    registry, map, name, "flock.nearcache.misses", "Lookups that went to the grid", s -> s.getMisses());
            nearCacheCount(
                    registry,
                    map,
                    name,
                    "flock.nearcache.evictions",
                    "Entries dropped for room",
                    s -> s.getEvictions());
            nearCacheCount(
                    registry,
                    map,
                    name,
                    "flock.nearcache.invalidations",
                    "Entries dropped as changed",
                    s -> s.getInvalidations());
            nearCacheCount(
                    registry, map, name, "flock.nearcache.entries", "Entries held now", s -> s.getOwnedEntryCount());
        }
        Counter deepPages = registry.getOrCreate(Counter.builder("flock.feed.deep.pages")
                .description("Home feed pages past the 800 entries kept in memory, answered from Cassandra"));
        Counter headHits = registry.getOrCreate(Counter.builder("flock.feed.head.hits")
                .description("First pages and polls answered from the feed head cached on this node, no grid call"));
        Counter headMisses = registry.getOrCreate(Counter.builder("flock.feed.head.misses")
                .description("First pages and polls that read the feed on its member (nothing cached, or too old)"));
        return new FeedMetrics(rebuilds, deepPages, headHits, headMisses);
    }

    public void headHit() {
        headHits.increment();
    }

    public void headMiss() {
        headMisses.increment();
    }

    public void deepPage() {
        deepPages.increment();
    }

    public void rebuilt(long nanos) {
        rebuilds.record(nanos, TimeUnit.NANOSECONDS);
    }

    private static void nearCacheCount(
            MeterRegistry registry,
            IMap<?, ?> map,
            String name,
            String metric,
            String description,
            java.util.function.ToLongFunction<NearCacheStats> count) {
        registry.getOrCreate(Gauge.builder(metric, map, m -> {
                    NearCacheStats stats = m.getLocalMapStats().getNearCacheStats();
                    return stats == null ? 0 : count.applyAsLong(stats);
                })
                .description(description + " (this node's near cache, since start)")
                .tags(List.of(Tag.create("map", name))));
    }

    private static double hitRatio(IMap<?, ?> map) {
        NearCacheStats stats = map.getLocalMapStats().getNearCacheStats();
        if (stats == null) {
            return 0;
        }
        long lookups = stats.getHits() + stats.getMisses();
        return lookups == 0 ? 0 : (double) stats.getHits() / lookups;
    }
}
