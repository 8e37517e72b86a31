package flock.benchmarks.load;

import flock.apinode.account.Tokens;
import flock.benchmarks.graph.SocialGraph;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * A social graph given Flock ids, tokens and tweets: what every system under test is loaded with. Ids
 * come from the grid's flake id generator, so they sort by time like ids the API hands out, and tweets
 * of all authors are interleaved in time.
 */
public final class Dataset {
    private static final String[] WORDS = {
        "feed", "grid", "fast", "cache", "read", "write", "follow", "timeline", "member", "partition", "news",
        "today", "really", "people", "what", "think", "about", "coffee", "morning", "launch", "ship", "code"
    };

    public final SocialGraph graph;
    public final long[] userIds;
    public final String[] tokens;
    /** Per user index, that user's tweet ids newest first. */
    public final long[][] tweets;
    /** Per user index, the indexes of its followers. */
    public final int[][] followers;

    private final long textSeed;

    private Dataset(SocialGraph graph, long[] userIds, String[] tokens, long[][] tweets, long textSeed) {
        this.graph = graph;
        this.userIds = userIds;
        this.tokens = tokens;
        this.tweets = tweets;
        this.followers = graph.followers();
        this.textSeed = textSeed;
    }

    public static Dataset of(SocialGraph graph, int tweetsPerUser, LongSupplier ids, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int users = graph.users();
        long[] userIds = new long[users];
        String[] tokens = new String[users];
        for (int u = 0; u < users; u++) {
            userIds[u] = ids.getAsLong();
            tokens[u] = Tokens.newToken(userIds[u]);
        }
        int[] counts = new int[users];
        int total = 0;
        for (int u = 0; u < users; u++) {
            counts[u] = tweetsPerUser == 0 ? 0 : random.nextInt(2 * tweetsPerUser + 1);
            total += counts[u];
        }
        int[] authors = new int[total];
        for (int u = 0, at = 0; u < users; u++) {
            Arrays.fill(authors, at, at + counts[u], u);
            at += counts[u];
        }
        shuffle(authors, random);
        long[][] tweets = new long[users][];
        int[] filled = new int[users];
        for (int u = 0; u < users; u++) {
            tweets[u] = new long[counts[u]];
        }
        long[] tweetIds = ascendingIds(ids, total);
        for (int i = 0; i < total; i++) { // ascending ids, stored from the back: newest first
            int author = authors[i];
            tweets[author][counts[author] - 1 - filled[author]++] = tweetIds[i];
        }
        return new Dataset(graph, userIds, tokens, tweets, seed);
    }

    /**
     * Fresh ids in ascending order. The grid's flake ids are only roughly ordered (each member hands out
     * batches of its own), so they are sorted before they order anything.
     */
    public static long[] ascendingIds(LongSupplier ids, long count) {
        long[] fresh = new long[Math.toIntExact(count)];
        for (int i = 0; i < fresh.length; i++) {
            fresh[i] = ids.getAsLong();
        }
        Arrays.sort(fresh);
        return fresh;
    }

    public int users() {
        return userIds.length;
    }

    public long tweetCount() {
        return Arrays.stream(tweets).mapToLong(list -> list.length).sum();
    }

    public String handle(int user) {
        return "b" + user;
    }

    /** A tweet's text, derived from its id, so every loader writes the same text without storing it. */
    public String text(long tweetId) {
        SplittableRandom random = new SplittableRandom(tweetId ^ textSeed);
        StringBuilder text = new StringBuilder(96);
        int words = 8 + random.nextInt(10);
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    /** The newest ids of a user's home feed, as fan-out on write would have left it: own and followed. */
    public long[] homeFeed(int user, boolean[] pulled, int limit) {
        int following = graph.followingCount(user);
        long[][] sources = new long[following + 1][];
        sources[0] = tweets[user];
        for (int i = 0; i < following; i++) {
            int followee = graph.followee(user, i);
            sources[i + 1] = pulled[followee] ? new long[0] : tweets[followee];
        }
        return flock.domain.timeline.NewestFirstMerge.merge(sources, limit);
    }

    private static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
