package flock.apinode.safety;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.flakeidgen.FlakeIdGenerator;
import com.hazelcast.map.IMap;
import flock.apinode.paging.PageRequest;
import flock.domain.ErrorCode;
import flock.domain.FlockException;
import flock.domain.MapNames;
import flock.domain.graph.AddFollow;
import flock.domain.graph.FollowList;
import flock.domain.graph.ReadFollowEdge;
import flock.domain.graph.ReadFollowPage;
import flock.domain.graph.RemoveFollow;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongPredicate;

/**
 * The accounts each user blocks, on the blocker's key ({@code blocking}, a follow list: the same idempotent entry
 * processors, the same write-behind). A block forbids the blocked account to follow the blocker or to reply to, quote,
 * like or repost the blocker's tweets; every such write asks {@link #requireNotBlockedBy} first, from this node's near
 * cache (invalidated by the grid when the list changes), so the question costs no grid call for an account whose list
 * is cached. A follow asks the blocker's member instead ({@link #blocksNow}): an invalidation still on its way could
 * otherwise let a follow in after the block had removed the follows, and a follow stays. Pages leave out what a
 * reader's blocks hide from it ({@link #hiddenFrom}).
 */
public final class Blocks {
    /** Kept as one value per blocker: large enough for anyone, small enough to stay one cheap value. */
    public static final int MAX_BLOCKS = 10_000;

    private final IMap<Long, FollowList> blocking;
    private final FlakeIdGenerator ids;

    public Blocks(HazelcastInstance grid) {
        this.blocking = grid.getMap(MapNames.BLOCKING);
        this.ids = grid.getFlakeIdGenerator(MapNames.ID_GENERATOR);
    }

    /** Whether {@code blocker} blocks {@code other}. */
    public boolean blocks(long blocker, long other) {
        FollowList list = blocking.get(blocker);
        return list != null && list.contains(other);
    }

    /** The same, asked of the member that owns the blocker's list: what the last acknowledged block or unblock left. */
    public boolean blocksNow(long blocker, long other) {
        return blocking.executeOnKey(blocker, new ReadFollowEdge(other)) != null;
    }

    /**
     * A 403 when the account acted on blocks the actor: {@code what} says what was refused ("follow", "like its
     * tweets"). Nothing is written before this check.
     */
    public void requireNotBlockedBy(long accountActedOn, long actorId, String what) {
        if (accountActedOn != actorId && blocks(accountActedOn, actorId)) {
            throw FlockException.forbidden(
                    "account " + accountActedOn + " blocks account " + actorId + ": it cannot " + what);
        }
    }

    /**
     * What pages leave out for this reader: the accounts it blocks (see {@code Views#tweetPage}); null when there is
     * no reader or it blocks nobody, so that most pages skip the check. From the near cache.
     */
    public LongPredicate hiddenFrom(Optional<Long> reader) {
        if (reader.isEmpty()) {
            return null;
        }
        return hiding(blocking.get(reader.get()));
    }

    /** The reader's list of blocked accounts asked for now, to be taken later ({@link #hiding}): null when none. */
    CompletableFuture<FollowList> prefetch(long reader) {
        return blocking.getAsync(reader).toCompletableFuture();
    }

    /** What a page leaves out for a reader with this list of blocked accounts: null when it blocks nobody. */
    static LongPredicate hiding(FollowList list) {
        return list == null || list.size() == 0 ? null : list::contains;
    }

    /** Adds the block; idempotent (a second block keeps the first's edge id). A 409 past {@link #MAX_BLOCKS}. */
    public void add(long blocker, long target) {
        Long edgeId = blocking.executeOnKey(blocker, new AddFollow<>(target, ids.newId(), MAX_BLOCKS));
        if (edgeId == null) {
            throw new FlockException(
                    ErrorCode.CONFLICT,
                    "user " + blocker + " already blocks " + MAX_BLOCKS + " accounts, the most allowed: unblock one"
                            + " first");
        }
    }

    /** Takes the block back; idempotent. Follows the block removed stay removed. */
    public void remove(long blocker, long target) {
        blocking.executeOnKey(blocker, new RemoveFollow<>(target));
    }

    /** The accounts the user blocks, newest block first: one more than the limit if more exist. */
    public FollowList page(long blocker, PageRequest page) {
        return blocking.executeOnKey(blocker, new ReadFollowPage<>(page.maxId(), page.limit() + 1));
    }
}
