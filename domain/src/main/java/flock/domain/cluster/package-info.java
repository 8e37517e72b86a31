/** What each member reports about itself for the admin view: partitions, safety, heap, entries per map. */
package flock.domain.cluster;
