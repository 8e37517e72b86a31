package flock.pipelines;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import flock.domain.engagement.BucketKey;
import flock.domain.engagement.DropRepost;
import flock.domain.engagement.EdgeBucket;
import flock.domain.engagement.LikeList;
import flock.domain.engagement.ReadMembers;
import flock.domain.timeline.RemoveOwnTweet;
import flock.domain.timeline.Timeline;
import flock.domain.tweet.Tweet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Takes a deleted tweet's reposts away with it: each repost is deleted as a tweet (its own removal then leaves every
 * feed through the fan-out, and the original's count), out of its author's timeline and list of reposts. Pages stop
 * showing the reposts at once, before this runs: a repost whose original is gone is left out of every page.
 */
final class RepostCascade {
    private final IMap<BucketKey, EdgeBucket> reposts;
    private final IMap<Long, Tweet> tweets;
    private final IMap<Long, Timeline> userTimelines;
    private final IMap<Long, LikeList> reposted;

    RepostCascade(HazelcastInstance member, FanOutPipeline.Maps maps) {
        this.reposts = member.getMap(maps.reposts());
        this.tweets = member.getMap(maps.tweets());
        this.userTimelines = member.getMap(maps.userTimelines());
        this.reposted = member.getMap(maps.reposted());
    }

    /** Whether the event deleted a tweet that may have reposts (a repost has none of its own). */
    static boolean applies(TweetEvent event) {
        return event.removal() && event.repostOfId() == 0;
    }

    CompletableFuture<TweetEvent> takeAway(TweetEvent deleted) {
        Set<BucketKey> buckets = new HashSet<>(BucketKey.BUCKETS * 2);
        for (int bucket = 0; bucket < BucketKey.BUCKETS; bucket++) {
            buckets.add(new BucketKey(deleted.tweetId(), bucket));
        }
        return reposts.submitToKeys(buckets, new ReadMembers())
                .toCompletableFuture()
                .thenCompose(members -> {
                    List<CompletableFuture<?>> removals = new ArrayList<>();
                    for (long[] repostIds : members.values()) {
                        for (long repostId : repostIds) {
                            removals.add(remove(deleted.tweetId(), repostId));
                        }
                    }
                    return CompletableFuture.allOf(removals.toArray(CompletableFuture[]::new));
                })
                .thenApply(done -> deleted);
    }

    /**
     * A repost counted just now whose original is gone already: deleted as well. The original's deletion and the repost
     * race (the cascade may have read the original's reposts before this one was counted), but this runs after the
     * repost is in its bucket, so one of the two always sees the other.
     */
    CompletableFuture<TweetEvent> removeIfOrphaned(TweetEvent repost) {
        return tweets.getAsync(repost.repostOfId())
                .toCompletableFuture()
                .thenCompose(original -> original != null
                        ? CompletableFuture.completedFuture(null)
                        : remove(repost.repostOfId(), repost.tweetId()))
                .thenApply(done -> repost);
    }

    private CompletableFuture<?> remove(long originalId, long repostId) {
        return tweets.removeAsync(repostId).toCompletableFuture().thenCompose(repost -> {
            if (repost == null) {
                return CompletableFuture.completedFuture(null); // gone already (a replay, or taken back)
            }
            return CompletableFuture.allOf(
                    userTimelines
                            .submitToKey(repost.authorId(), new RemoveOwnTweet(repostId))
                            .toCompletableFuture(),
                    reposted.submitToKey(repost.authorId(), new DropRepost(originalId, repostId))
                            .toCompletableFuture());
        });
    }
}
