/** Social graphs to load: generated ones with realistic shapes, and the real socfb-Reed98 graph. */
package flock.benchmarks.graph;
