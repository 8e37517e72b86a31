package flock.benchmarks.report;

import flock.benchmarks.http.Mix;
import flock.benchmarks.http.RateSearch;
import flock.benchmarks.http.Target;

/**
 * One system measured under one mix.
 *
 * @param lagP50Millis fan-out lag p50 during the runs (Flock only; NaN otherwise)
 * @param lagP99Millis fan-out lag p99 during the runs (Flock only; NaN otherwise)
 * @param headHitShare share of first home pages answered from the API node's cached feed heads during the runs
 *     (Flock only; NaN otherwise)
 */
public record Measurement(
        Target target,
        Mix mix,
        RateSearch.Capacity capacity,
        double lagP50Millis,
        double lagP99Millis,
        double headHitShare) {

    public double maxRate() {
        return capacity.maxRate();
    }

    public double saturated() {
        return capacity.saturated().throughput();
    }
}
