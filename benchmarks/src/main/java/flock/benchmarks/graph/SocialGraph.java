package flock.benchmarks.graph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * A directed follow graph over users {@code 0..users-1}, held as compressed rows (one int array of
 * followees, one of offsets), so that a million users with twenty follows each take about 84 MB.
 */
public final class SocialGraph {
    private final int users;
    private final int[] offsets;
    private final int[] followees;

    private SocialGraph(int users, int[] offsets, int[] followees) {
        this.users = users;
        this.offsets = offsets;
        this.followees = followees;
    }

    public int users() {
        return users;
    }

    public long edges() {
        return followees.length;
    }

    public int followingCount(int user) {
        return offsets[user + 1] - offsets[user];
    }

    /** The {@code i}-th account {@code user} follows. */
    public int followee(int user, int i) {
        return followees[offsets[user] + i];
    }

    /** Followers of every user, counted in one pass. */
    public int[] followerCounts() {
        int[] counts = new int[users];
        for (int followee : followees) {
            counts[followee]++;
        }
        return counts;
    }

    /** The followers of every user, as compressed rows built from the follow rows. */
    public int[][] followers() {
        int[] counts = followerCounts();
        int[][] followers = new int[users][];
        for (int u = 0; u < users; u++) {
            followers[u] = new int[counts[u]];
        }
        int[] filled = new int[users];
        for (int u = 0; u < users; u++) {
            for (int i = offsets[u]; i < offsets[u + 1]; i++) {
                int followee = followees[i];
                followers[followee][filled[followee]++] = u;
            }
        }
        return followers;
    }

    /** A graph drawn from the shape, the same for the same seed. */
    public static SocialGraph generate(GraphShape shape, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int users = shape.users();
        int[] byRank = shuffledUsers(users, random);
        double[] cumulative = zipfCumulative(users, shape.popularityExponent());
        double sigma = 1.0;
        double mu = Math.log(shape.meanFollowing()) - sigma * sigma / 2; // so that the mean is meanFollowing
        int cap = Math.min(shape.maxFollowing(), users / 2);
        int[] offsets = new int[users + 1];
        IntList followees = new IntList(Math.toIntExact(Math.round(users * shape.meanFollowing() * 1.1)));
        IntSet chosen = new IntSet(64);
        for (int u = 0; u < users; u++) {
            int wanted = (int) Math.max(1, Math.min(cap, Math.round(Math.exp(mu + sigma * gaussian(random)))));
            chosen.clear(wanted);
            while (chosen.size() < wanted) {
                int followee = byRank[rankFor(cumulative, random.nextDouble())];
                if (followee != u && chosen.add(followee)) {
                    followees.add(followee);
                }
            }
            offsets[u + 1] = followees.size();
        }
        return new SocialGraph(users, offsets, followees.toArray());
    }

    /**
     * A graph from an undirected edge list (one "a b" pair per line, '%' comments), where a friendship is a
     * follow both ways, as in the socfb Facebook graphs. Ids count from the smallest in the file: the
     * Network Repository's files count from 1, the project's copy of socfb-Reed98 from 0.
     */
    public static SocialGraph fromUndirectedEdges(Path file) throws IOException {
        List<int[]> pairs = new ArrayList<>();
        int minId = Integer.MAX_VALUE;
        int maxId = 0;
        try (Stream<String> lines = Files.lines(file)) {
            for (String line : (Iterable<String>) lines::iterator) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("%")) {
                    continue;
                }
                String[] parts = trimmed.split("\\s+");
                int a = Integer.parseInt(parts[0]);
                int b = Integer.parseInt(parts[1]);
                if (a != b) {
                    pairs.add(new int[] {a, b});
                    minId = Math.min(minId, Math.min(a, b));
                    maxId = Math.max(maxId, Math.max(a, b));
                }
            }
        }
        for (int[] pair : pairs) {
            pair[0] -= minId;
            pair[1] -= minId;
        }
        int users = pairs.isEmpty() ? 0 : maxId - minId + 1;
        int[] counts = new int[users];
        for (int[] pair : pairs) {
            counts[pair[0]]++;
            counts[pair[1]]++;
        }
        int[] offsets = new int[users + 1];
        for (int u = 0; u < users; u++) {
            offsets[u + 1] = offsets[u] + counts[u];
        }
        int[] followees = new int[offsets[users]];
        int[] filled = Arrays.copyOf(offsets, users);
        for (int[] pair : pairs) {
            followees[filled[pair[0]]++] = pair[1];
            followees[filled[pair[1]]++] = pair[0];
        }
        return new SocialGraph(users, offsets, followees);
    }

    private static int[] shuffledUsers(int users, SplittableRandom random) {
        int[] order = new int[users];
        for (int i = 0; i < users; i++) {
            order[i] = i;
        }
        for (int i = users - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private static double[] zipfCumulative(int users, double exponent) {
        double[] cumulative = new double[users];
        double sum = 0;
        for (int r = 0; r < users; r++) {
            sum += Math.pow(r + 1, -exponent);
            cumulative[r] = sum;
        }
        for (int r = 0; r < users; r++) {
            cumulative[r] /= sum;
        }
        return cumulative;
    }

    private static int rankFor(double[] cumulative, double draw) {
        int found = Arrays.binarySearch(cumulative, draw);
        int rank = found >= 0 ? found : -found - 1;
        return Math.min(rank, cumulative.length - 1);
    }

    /** A standard normal draw (Box-Muller); SplittableRandom has none of its own. */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** A growable int array, so a million users' edges are not boxed. */
    private static final class IntList {
        private int[] values;
        private int size;

        IntList(int capacity) {
            values = new int[Math.max(16, capacity)];
        }

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** An open-addressing set of non-negative ints, reused for every user's draws. */
    private static final class IntSet {
        private int[] slots;
        private int size;

        IntSet(int capacity) {
            slots = new int[Integer.highestOneBit(Math.max(16, capacity) * 2 - 1) * 2];
            Arrays.fill(slots, -1);
        }

        void clear(int expected) {
            int wanted = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) * 2;
            if (wanted > slots.length) {
                slots = new int[wanted];
            }
            Arrays.fill(slots, -1);
            size = 0;
        }

        int size() {
            return size;
        }

        boolean add(int value) {
            int mask = slots.length - 1;
            int slot = (value * 0x9E3779B9) >>> 1 & mask;
            while (slots[slot] != -1) {
                if (slots[slot] == value) {
                    return false;
                }
                slot = (slot + 1) & mask;
            }
            slots[slot] = value;
            size++;
            return true;
        }
    }
}
