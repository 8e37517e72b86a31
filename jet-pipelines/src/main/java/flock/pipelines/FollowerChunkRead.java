package flock.pipelines;

import flock.domain.graph.FollowerChunkKey;

/** One chunk of a big author's follower list that a tweet's fan-out still has to read. */
record FollowerChunkRead(TweetEvent event, FollowerChunkKey key) {}
