package flock.apinode.safety;

import flock.domain.graph.FollowList;
import flock.domain.safety.MuteList;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

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
        return inHome(blocks.hiddenFrom(Optional.of(reader)), mutes.of(reader));
    }

    /**
     * {@link #inHome}, with the reader's blocks and mutes asked for now and taken when the page is assembled: a page
     * that reads its feed from a member first waits for them meanwhile, not after it. Lists the near caches hold are
     * answered at once.
     */
    public Supplier<LongPredicate> prefetchInHome(long reader) {
        CompletableFuture<FollowList> blocked = blocks.prefetch(reader);
        CompletableFuture<MuteList> muted = mutes.prefetch(reader);
        return () -> inHome(Blocks.hiding(blocked.join()), muted.join());
    }

    private static LongPredicate inHome(LongPredicate blocked, MuteList muted) {
        long now = System.currentTimeMillis();
        if (!muted.mutesAnyone(now)) {
            return blocked;
        }
        LongPredicate isMuted = account -> muted.mutes(account, now);
        return blocked == null ? isMuted : blocked.or(isMuted);
    }
}
