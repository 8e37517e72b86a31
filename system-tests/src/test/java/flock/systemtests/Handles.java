package flock.systemtests;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh handles (at most 15 characters) so tests never collide on uniqueness. */
final class Handles {
    private Handles() {}

    static String fresh(String prefix) {
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        // The prefix gives way, never the random part: a cut suffix made "apikill_author_" twice, across runs.
        int room = 15 - 1 - suffix.length();
        return prefix.substring(0, Math.min(prefix.length(), room)) + "_" + suffix;
    }
}
