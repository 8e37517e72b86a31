package flock.apinode.render;

/**
 * What a page adds to each tweet it shows besides the tweet's kept JSON: its counts, and what the reader did with it.
 * Parallel to the page's ids.
 *
 * @param likes each tweet's like count
 * @param reposts each tweet's repost count
 * @param replies each tweet's reply count
 * @param quotes each tweet's quote count
 * @param likedByReader whether the reader likes each tweet; null without a reader (no token), and then the tweets
 *     carry no {@code viewer}
 * @param repostedByReader whether the reader reposted each tweet; null without a reader
 */
public record ShownEngagement(
        int[] likes, int[] reposts, int[] replies, int[] quotes, boolean[] likedByReader, boolean[] repostedByReader) {

    /** Counts and the reader's state of the given tweets: asked for a page, and again for what its quotes show. */
    @FunctionalInterface
    public interface Source {
        /** For the first {@code count} of {@code ids}. */
        ShownEngagement of(long[] ids, int count);
    }

    /** A tweet just posted: nothing counted yet, and its author does not like it. */
    public static final ShownEngagement NEW_TWEET =
            new ShownEngagement(new int[1], new int[1], new int[1], new int[1], new boolean[1], new boolean[1]);
}
