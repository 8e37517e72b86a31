/**
 * Posting and deleting tweets and reading an author's own timeline; the fan-out to followers' feeds runs on the
 * members, from the tweets map's journal.
 */
package flock.apinode.tweet;
