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

    private FeedMetrics(Timer rebuilds, Counter deepPages) {
        this.rebuilds = rebuilds;
        this.deepPages = deepPages;
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
        }
        Counter deepPages = registry.getOrCreate(Counter.builder("flock.feed.deep.pages")
                .description("Home feed pages past the 800 entries kept in memory, answered from Cassandra"));
        return new FeedMetrics(rebuilds, deepPages);
    }

    public void deepPage() {
        deepPages.increment();
    }

    public void rebuilt(long nanos) {
        rebuilds.record(nanos, TimeUnit.NANOSECONDS);
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
