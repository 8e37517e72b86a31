/** Timing analysts' SQL over a million tweets, with and without the index. */
package flock.benchmarks.sql;
