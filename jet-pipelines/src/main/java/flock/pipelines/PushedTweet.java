package flock.pipelines;

import flock.domain.graph.FollowList;

/**
 * A pushed tweet with its author's follower list as the fan-out found it: the whole list, or the head of a
 * split one (null when the author has no followers).
 */
record PushedTweet(TweetEvent event, FollowList head) {}
