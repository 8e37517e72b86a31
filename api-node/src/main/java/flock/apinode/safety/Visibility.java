package flock.apinode.safety;

import flock.domain.safety.MuteList;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * What a reader's pages leave out (see {@code Views#tweetPage}): the accounts it blocks on every page, and in its home
 * feed the accounts it mutes too, while each mute is on. Both lists come from this node's near caches; for a reader who
 * hides nobody, the answer is null and pages skip the check.
 */
public final class Visibility {
    private final Blocks blocks;
    private final Mutes mutes;

    public Visibility(Blocks blocks, Mutes mutes) {
        this.blocks = blocks;
        this.mutes = mutes;
    }

    /** Hidden on every page: the accounts the reader blocks; null when none (or no reader). */
    public LongPredicate everywhere(Optional<Long> reader) {
        return blocks.hiddenFrom(reader);
    }

    /** Hidden from the reader's notifications (and its live updates): as in its home feed. */
    public LongPredicate inNotifications(long reader) {
        return inHome(reader);
    }

    /** Hidden in the reader's home feed: the accounts it blocks or mutes now; null when none. */
    public LongPredicate inHome(long reader) {
        LongPredicate blocked = blocks.hiddenFrom(Optional.of(reader));
        MuteList muted = mutes.of(reader);
        long now = System.currentTimeMillis();
        if (!muted.mutesAnyone(now)) {
            return blocked;
        }
        LongPredicate isMuted = account -> muted.mutes(account, now);
        return blocked == null ? isMuted : blocked.or(isMuted);
    }
}
