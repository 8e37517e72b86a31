/** An open- and closed-loop HTTP load generator that measures latency from each request's due time, and the CPU each process spent. */
package flock.benchmarks.http;
