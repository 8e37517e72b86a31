/** Tweets: the immutable value every timeline points to, and the text rules (280 code points, normalized). */
package flock.domain.tweet;
