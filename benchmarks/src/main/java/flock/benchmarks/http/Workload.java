package flock.benchmarks.http;

import java.util.SplittableRandom;

/** What a load generator sends: the next request, drawn with the calling worker's own random. */
@FunctionalInterface
public interface Workload {
    Request next(SplittableRandom random);
}
