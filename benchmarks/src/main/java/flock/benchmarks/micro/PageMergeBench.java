package flock.benchmarks.micro;

import flock.domain.timeline.NewestFirstMerge;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The merge behind a hybrid home page and a feed rebuild: newest-first id lists (the cached feed plus each
 * pulled account's timeline, or every followed account's timeline) merged into one page.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PageMergeBench {
    /** 3: a feed and two pulled accounts (a page read); 200: a rebuild from every followed account. */
    @Param({"3", "200"})
    public int lists;

    @Param({"20", "800"})
    public int limit;

    private long[][] sources;

    @Setup
    public void lists() {
        SplittableRandom random = new SplittableRandom(3);
        sources = new long[lists][];
        for (int l = 0; l < lists; l++) {
            long[] ids = new long[800];
            long id = 1_000_000_000L;
            for (int i = 0; i < ids.length; i++) {
                id -= 1 + random.nextInt(1_000);
                ids[i] = id;
            }
            sources[l] = ids;
        }
    }

    @Benchmark
    public long[] merge() {
        return NewestFirstMerge.merge(sources, limit);
    }
}
