/** The Jet jobs members run: the fan-out of tweets to followers' feeds from the tweets map's journal, and the backfill or removal of an account's tweets when a follow starts or ends. */
package flock.pipelines;
