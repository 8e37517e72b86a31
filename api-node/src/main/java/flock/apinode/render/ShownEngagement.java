package flock.apinode.render;

/**
 * What a page adds to each tweet it shows besides the tweet's kept JSON: its counts, and whether the reader likes it.
 * Parallel to the page's ids.
 *
 * @param likes each tweet's like count
 * @param replies each tweet's reply count
 * @param likedByReader whether the reader likes each tweet; null without a reader (no token), and then the tweets
 *     carry no {@code viewer}
 */
public record ShownEngagement(int[] likes, int[] replies, boolean[] likedByReader) {}
