package flock.pipelines;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import flock.domain.graph.AlsoFollows;
import flock.domain.graph.FollowList;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Narrows a reply's batches of feeds to Mastodon's home rule: a reply to someone else reaches the replier's followers
 * that also follow the account replied to. Each follower's own follow list is asked where it lives (one call, split by
 * owner, for a batch), so the cost is one lookup per follower of the replier, whatever the size of the account replied
 * to: a reply to a celebrity does not read the celebrity's millions of followers. Every other batch passes untouched.
 */
final class ReplyAudience {
    private final IMap<Long, FollowList> following;

    ReplyAudience(HazelcastInstance member, String followingMap) {
        this.following = member.getMap(followingMap);
    }

    /** The batch for the feeds it belongs in, or null when none is left. */
    CompletableFuture<FanOutBatch> narrow(FanOutBatch batch) {
        FanOutBatch.Audience audience = batch.audience();
        if (audience.everyone()) {
            return CompletableFuture.completedFuture(batch);
        }
        Set<Long> feeds = new HashSet<>(batch.userIds().length * 2);
        for (long feed : batch.userIds()) {
            feeds.add(feed);
        }
        return following
                .submitToKeys(feeds, new AlsoFollows(audience.repliedTo(), audience.replier()))
                .toCompletableFuture()
                .thenApply(answers -> narrowed(batch, answers));
    }

    private static FanOutBatch narrowed(FanOutBatch batch, Map<Long, Boolean> answers) {
        long[] kept = new long[batch.userIds().length];
        int count = 0;
        for (long feed : batch.userIds()) {
            if (Boolean.TRUE.equals(answers.get(feed))) {
                kept[count++] = feed;
            }
        }
        return count == 0 ? null : batch.narrowedTo(java.util.Arrays.copyOf(kept, count));
    }
}
