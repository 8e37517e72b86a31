package flock.systemtests;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh handles (at most 15 characters) so tests never collide on uniqueness. */
final class Handles {
    private Handles() {}

    static String fresh(String prefix) {
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        String handle = prefix + "_" + suffix;
        return handle.length() <= 15 ? handle : handle.substring(0, 15);
    }
}
