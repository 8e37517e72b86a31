package flock.benchmarks.micro;

import flock.domain.timeline.InsertIntoTimeline;
import flock.domain.timeline.Timeline;
import java.util.AbstractMap.SimpleEntry;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The timeline operations every fan-out insert runs on a member's partition thread: a new tweet into a
 * full feed (shift and trim at 800), a late one into the middle, and the fan-out's entry processor.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TimelineBench {
    private Timeline full;
    private long nextNewest;
    private long[] olderIds;
    private int nextOlder;
    private Timeline forProcessor;

    @Setup(Level.Iteration)
    public void fill() {
        full = Timeline.empty();
        for (long id = 2 * Timeline.MAX_ENTRIES; id > Timeline.MAX_ENTRIES; id--) {
            full.insert(id * 2); // 800 even ids, oldest appended last
        }
        nextNewest = 10_000_000;
        SplittableRandom random = new SplittableRandom(1);
        olderIds = new long[1 << 16];
        for (int i = 0; i < olderIds.length; i++) {
            // Odd ids between the feed's even ones (1,602 to 3,200): never already in it.
            olderIds[i] = 2L * Timeline.MAX_ENTRIES + 3 + 2L * random.nextInt(Timeline.MAX_ENTRIES - 1);
        }
        forProcessor = Timeline.empty();
        for (long id = 2 * Timeline.MAX_ENTRIES; id > Timeline.MAX_ENTRIES; id--) {
            forProcessor.insert(id * 2);
        }
    }

    /** The common case: the newest tweet goes in front, the oldest of 800 drops out. */
    @Benchmark
    public boolean insertNewestIntoFullFeed() {
        return full.insert(nextNewest++);
    }

    /** A late tweet lands in the middle and a deleted one leaves it (each a binary search and a shift). */
    @Benchmark
    public boolean insertAndRemoveInTheMiddle() {
        long id = olderIds[nextOlder++ & (olderIds.length - 1)];
        full.insert(id);
        return full.remove(id);
    }

    /** What a member runs per follower feed: the fan-out's entry processor on a full feed. */
    @Benchmark
    public Timeline insertProcessorOnFullFeed() {
        Map.Entry<Long, Timeline> entry = new SimpleEntry<>(7L, forProcessor);
        new InsertIntoTimeline(nextNewest++).process(entry);
        return entry.getValue();
    }
}
