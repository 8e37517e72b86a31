package flock.apinode.engagement;

import com.hazelcast.core.IndeterminateOperationStateException;

/**
 * Runs an idempotent write again when the grid could not say whether it applied. The API node's client fails a write
 * whose backup did not confirm ({@code fail.on.indeterminate.state}), which is what happens to the writes in flight when
 * a member dies; a write that is safe to repeat is repeated at once, on the promoted backup, instead of being answered
 * 503. Otherwise a like refused half-way (in the tweet's likers, not yet in its count) would stay so until its client
 * retried, and a client that gives up would leave the count one short of the likers.
 */
final class Determinate {
    /** The first try and two more: a member's death settles in one; a backup that never confirms ends in a 503. */
    static final int ATTEMPTS = 3;

    private Determinate() {}

    static void run(Runnable idempotentWrite) {
        for (int attempt = 1; ; attempt++) {
            try {
                idempotentWrite.run();
                return;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !indeterminate(e)) {
                    throw e;
                }
            }
        }
    }

    /** Also when met inside a joined future, as a CompletionException's cause. */
    static boolean indeterminate(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof IndeterminateOperationStateException) {
                return true;
            }
        }
        return false;
    }
}
