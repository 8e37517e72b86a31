/** JMH micro-benchmarks of the hot paths: timelines, serializers, page merges. */
package flock.benchmarks.micro;
