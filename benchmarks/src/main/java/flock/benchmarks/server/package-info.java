/** The benchmark's HTTP server: Flock's real API beside the baselines (a fixed page, Redis lists, pull from Cassandra), all behind the same HTTP layer. */
package flock.benchmarks.server;
