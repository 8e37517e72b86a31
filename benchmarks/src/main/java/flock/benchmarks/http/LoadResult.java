package flock.benchmarks.http;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What one run of the load generator measured. Latencies are in microseconds; in an open-loop run they
 * count from when each request was due to be sent, so time spent queued behind a slow server is included.
 *
 * @param targetRate requests per second asked for (0 for a closed-loop run)
 * @param seconds how long the run lasted
 * @param completed responses received
 * @param errors responses with a status of 400 or more, and requests that failed on the connection
 * @param unsent requests that were due but never sent before the run gave up on an overloaded server
 * @param bodyBytes response body bytes received
 * @param all latency of every request
 * @param byKind latency per request kind
 * @param failures the errors by request kind and status ("like 404", "post connection failed")
 */
public record LoadResult(
        double targetRate,
        double seconds,
        long completed,
        long errors,
        long unsent,
        long bodyBytes,
        Histogram all,
        Map<String, Histogram> byKind,
        Map<String, Long> failures) {

    public LoadResult {
        byKind = new TreeMap<>(byKind);
        failures = new TreeMap<>(failures);
    }

    public double throughput() {
        return completed / seconds;
    }

    public double meanBodyBytes() {
        return completed == 0 ? 0 : (double) bodyBytes / completed;
    }

    /** A percentile of all requests, in milliseconds. */
    public double millis(double percentile) {
        return all.getValueAtPercentile(percentile) / 1000.0;
    }

    public double millis(String kind, double percentile) {
        Histogram histogram = byKind.get(kind);
        return histogram == null ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
