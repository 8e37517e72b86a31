/** The scaling stage: the same load at 10k, 100k and 1M users, and the projection to 200M. */
package flock.benchmarks.scaling;
