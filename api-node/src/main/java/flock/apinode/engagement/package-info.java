/**
 * Likes on the API node: a like written on the actor's key, then into the tweet's likers bucket, then the bucket's
 * size into the tweet's counts (grouped per bucket, so a viral tweet's likes do not queue one by one on its counts);
 * the likers and likes pages; "liked by me" for a page in one call. The design and its argument are in
 * {@code docs/design/engagement.md}.
 */
package flock.apinode.engagement;
