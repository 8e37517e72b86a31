package flock.apinode.graph;

import io.helidon.config.Config;

/**
 * How big the follow graph's values may grow, from {@code flock.graph} in application.yaml. A follow edge
 * takes 16 bytes in a list, so both limits keep every grid value of the graph under about 1 MB.
 *
 * @param followerChunk edges in one value of a follower list: its head, then each chunk once it is split
 *     (32,768 edges, 512 KB)
 * @param maxFollowing accounts one user may follow; the list is never split. 5,000, the limit Twitter has
 *     long documented for every account (help.twitter.com, "Following limits")
 */
public record GraphSettings(int followerChunk, int maxFollowing) {
    /** 16 bytes an edge: 65,536 edges are 1 MB. */
    public static final int MAX_EDGES_PER_VALUE = 65_536;

    public static final GraphSettings DEFAULTS = new GraphSettings(32_768, 5_000);

    public GraphSettings {
        if (followerChunk < 1 || followerChunk > MAX_EDGES_PER_VALUE) {
            throw new IllegalArgumentException(
                    "flock.graph.follower-chunk must be from 1 to " + MAX_EDGES_PER_VALUE + ", was " + followerChunk);
        }
        if (maxFollowing < 1 || maxFollowing > MAX_EDGES_PER_VALUE) {
            throw new IllegalArgumentException(
                    "flock.graph.max-following must be from 1 to " + MAX_EDGES_PER_VALUE + ", was " + maxFollowing);
        }
    }

    public static GraphSettings from(Config graph) {
        return new GraphSettings(
                graph.get("follower-chunk").asInt().orElse(DEFAULTS.followerChunk()),
                graph.get("max-following").asInt().orElse(DEFAULTS.maxFollowing()));
    }
}
