/** The benchmark runs behind ./flock bench and the demo data loader behind ./flock up; each stage lives in a sub-package. */
package flock.benchmarks;
