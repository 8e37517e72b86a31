package flock.apinode.grid;

import com.hazelcast.core.IndeterminateOperationStateException;
import java.util.function.Supplier;

/**
 * Runs an idempotent write again when the grid could not say whether it applied. The API node's client fails a write
 * whose backup did not confirm in time ({@code fail.on.indeterminate.state}, see {@link GridClient#config}): what
 * happens to the writes in flight when a member dies, and to a write whose backup is merely slow to confirm on a loaded
 * machine. A write that is safe to repeat is repeated at once instead of being answered 503. Otherwise a like refused
 * half-way (in the tweet's likers, not yet in its count) would stay so until its client retried, a client that gives up
 * would leave the count one short of the likers, and a follow racing a block would be refused for no reason its client
 * could act on.
 */
public final class Determinate {
    /** The first try and two more: a member's death settles in one; a backup that never confirms ends in a 503. */
    static final int ATTEMPTS = 3;

    private Determinate() {}

    public static void run(Runnable idempotentWrite) {
        get(() -> {
            idempotentWrite.run();
            return null;
        });
    }

    public static <T> T get(Supplier<T> idempotentWrite) {
        for (int attempt = 1; ; attempt++) {
            try {
                return idempotentWrite.get();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !indeterminate(e)) {
                    throw e;
                }
            }
        }
    }

    /** Also when met inside a joined future, as a CompletionException's cause. */
    public static boolean indeterminate(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof IndeterminateOperationStateException) {
                return true;
            }
        }
        return false;
    }
}
