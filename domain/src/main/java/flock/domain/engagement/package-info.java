/**
 * Likes, kept twice like follows: on the actor's key ({@link flock.domain.engagement.LikeList}, the truth of "did I
 * like it?"), and on the tweet's, in buckets by actor ({@link flock.domain.engagement.EdgeBucket}), whose sizes make the
 * tweet's count ({@link flock.domain.engagement.TweetStats}). Every change carries the actor's version, so that any
 * replay or race of the same request leaves the tweet's side as the actor's newest change left it.
 */
package flock.domain.engagement;
