/**
 * Reading home feeds: a page from the feed in memory, merged with the pulled accounts' tweets; a feed rebuilt from the
 * followed accounts' timelines on a miss; pages past the newest 800 from Cassandra.
 */
package flock.apinode.timeline;
