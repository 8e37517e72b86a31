/** The Markdown report and its plots. */
package flock.benchmarks.report;
