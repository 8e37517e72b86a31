package flock.benchmarks;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.YamlConfigBuilder;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import flock.domain.MapNames;
import flock.domain.serialization.DomainSerializers;
import flock.domain.timeline.InsertIntoTimeline;
import flock.domain.timeline.Timeline;
import java.io.FileInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Heap bytes per cached home-timeline entry, measured: one member in this JVM (no backup partner, so the
 * figure is for one copy; a cluster keeps backup-count + 1 copies) fills home feeds the way the fan-out
 * does, one insert at a time, and the used heap after a full GC is compared with the empty grid's.
 *
 * <p>Usage: {@code TimelineMemoryBench <hazelcast.yaml> [feeds] [entries per feed]}
 */
public final class TimelineMemoryBench {
    private TimelineMemoryBench() {}

    public static void main(String[] args) throws Exception {
        Path yaml = Path.of(args.length > 0 ? args[0] : "hazelcast.yaml");
        int feeds = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int perFeed = args.length > 2 ? Integer.parseInt(args[2]) : Timeline.MAX_ENTRIES;
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config(yaml));
        try {
            IMap<Long, Timeline> homes = member.getMap(MapNames.HOME_TIMELINES);
            homes.set(-1L, Timeline.empty());
            homes.remove(-1L);
            long before = usedHeapAfterGc();
            Map<Long, Timeline> batch = new HashMap<>();
            for (long feed = 0; feed < feeds; feed++) {
                batch.put(feed, Timeline.empty());
            }
            homes.putAll(batch);
            for (int entry = 0; entry < perFeed; entry++) {
                // Every feed gets the same new tweet, as a fan-out to everyone would do.
                homes.executeOnEntries(new InsertIntoTimeline(1_000_000L + entry));
                if (entry % 100 == 99) {
                    System.out.printf("  %d of %d entries per feed%n", entry + 1, perFeed);
                }
            }
            long after = usedHeapAfterGc();
            long entries = (long) feeds * perFeed;
            System.out.printf(
                    "%,d feeds x %,d entries: %,d bytes of heap = %.1f bytes per entry (one copy, per-feed overhead"
                            + " included)%n",
                    feeds, perFeed, after - before, (double) (after - before) / entries);
        } finally {
            member.shutdown();
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static Config config(Path yaml) throws IOException {
        try (FileInputStream in = new FileInputStream(yaml.toFile())) {
            Config config = new YamlConfigBuilder(in).build();
            config.setClusterName("memory-bench-" + ProcessHandle.current().pid());
            config.setProperty("hazelcast.logging.type", "none");
            config.getNetworkConfig().setPort(15_901).setPortAutoIncrement(true);
            config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(false);
            config.getJetConfig().setEnabled(false);
            for (MapConfig map : config.getMapConfigs().values()) {
                map.getMapStoreConfig().setEnabled(false);
            }
            DomainSerializers.registerAll(config.getSerializationConfig().getCompactSerializationConfig());
            return config;
        }
    }
}
