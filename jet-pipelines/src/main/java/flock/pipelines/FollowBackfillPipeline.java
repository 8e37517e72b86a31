package flock.pipelines;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.JetService;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.Traversers;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.config.ProcessingGuarantee;
import com.hazelcast.jet.pipeline.JournalInitialPosition;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.ServiceFactories;
import com.hazelcast.jet.pipeline.Sinks;
import com.hazelcast.jet.pipeline.Sources;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import flock.domain.MapNames;
import flock.domain.graph.FollowList;
import flock.domain.timeline.FeedChangePublisher;
import flock.domain.timeline.FeedReader;
import flock.domain.timeline.MergeIntoTimeline;
import flock.domain.timeline.RemoveFromTimeline;
import flock.domain.timeline.Timeline;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * Makes follows change feeds: following an account merges its newest {@value #BACKFILL_TWEETS} tweets into
 * the follower's home timeline, unfollowing takes that account's tweets out again. Driven by the
 * {@code following} map's event journal, asynchronously, on the members owning the timelines. Feeds not
 * in memory are left alone: their rebuild on read already follows the current graph. Follows of accounts in
 * pull mode merge nothing: the follow itself put the account on the feed's merge-at-read list.
 *
 * <p>Same guarantees as the fan-out: at-least-once with snapshots every 5 s over idempotent entry processors.
 * An unfollow removes the tweets among the account's newest 800; older ones can only linger in a feed that
 * holds almost nothing newer.
 */
public final class FollowBackfillPipeline {
    /** How many of a newly followed account's tweets appear in the follower's feed at once. */
    static final int BACKFILL_TWEETS = 200;

    private FollowBackfillPipeline() {}

    /** Builds the pipeline over the named maps (parameters, so tests can run it over their own maps). */
    public static Pipeline build(
            String followingMap, String pullAccountsMap, String userTimelinesMap, String homeTimelinesMap) {
        Pipeline pipeline = Pipeline.create();
        pipeline.readFrom(Sources.<FollowChange.FollowEdit, Long, FollowList>mapJournal(
                        followingMap,
                        JournalInitialPosition.START_FROM_OLDEST,
                        FollowChange.FollowEdit::of,
                        FollowChange.FollowEdit::isEdit))
                .withoutTimestamps()
                .setName("follow lists edited")
                .flatMap(edit -> Traversers.traverseArray(edit.changes()))
                .setName("follows and unfollows")
                .<Long, String, FollowChange>mapUsingIMap(
                        pullAccountsMap,
                        FollowChange::followeeId,
                        (change, pullState) -> change.followed() && pullState != null ? null : change)
                .setName("skip follows of pulled accounts (merged at read)")
                .<Long, Timeline, FeedEdit>mapUsingIMap(userTimelinesMap, FollowChange::followeeId, FeedEdit::of)
                .setName("look up the account's tweets")
                .mapUsingServiceAsync(
                        ServiceFactories.sharedService(
                                context -> new FeedEditor(context.hazelcastInstance(), homeTimelinesMap)),
                        EDITS_IN_FLIGHT,
                        false,
                        FeedEditor::apply)
                .setName("edit the follower's feed")
                .writeTo(Sinks.noop());
        return pipeline;
    }

    public static Job submitIfAbsent(JetService jet) {
        return submitIfAbsent(jet, FanOutPipeline.SNAPSHOT_INTERVAL);
    }

    /** Submits the job unless the cluster already runs it, snapshotting at the given interval. */
    public static Job submitIfAbsent(JetService jet, java.time.Duration snapshotInterval) {
        JobConfig config = new JobConfig()
                .setSuspendOnFailure(true) // as the fan-out: resumed by the members' watchdog, never lost
                .setName(MapNames.FOLLOW_BACKFILL_JOB)
                .setProcessingGuarantee(ProcessingGuarantee.AT_LEAST_ONCE)
                .setSnapshotIntervalMillis(snapshotInterval.toMillis());
        return jet.newJobIfAbsent(
                build(MapNames.FOLLOWING, MapNames.PULL_ACCOUNTS, MapNames.USER_TIMELINES, MapNames.HOME_TIMELINES),
                config);
    }

    /**
     * Feed edits in flight per processor. One processor submits them in order, so two edits of one feed (a follow
     * and its unfollow) reach the feed's partition, and run there, in that order.
     */
    static final int EDITS_IN_FLIGHT = 256;

    /** Applies edits to feeds, then names each feed changed for the API nodes' caches of feed heads. */
    static final class FeedEditor {
        private final IMap<Long, Timeline> feeds;
        private final FeedChangePublisher changes;

        FeedEditor(HazelcastInstance member, String homeTimelinesMap) {
            this.feeds = member.getMap(homeTimelinesMap);
            this.changes = new FeedChangePublisher(member);
        }

        CompletableFuture<FeedEdit> apply(FeedEdit edit) {
            return feeds.submitToKey(edit.followerId(), edit.processor())
                    .toCompletableFuture()
                    .thenApply(done -> {
                        changes.changed(edit.followerId());
                        return edit;
                    });
        }
    }

    /**
     * The edit of one follower's feed: the followee's tweets merged in or taken out.
     *
     * @param originals parallel to {@code tweetIds} when merging: what each of the account's reposts reposts (0 for
     *     its other tweets), so the feed's repost rules hold; empty when there is none
     */
    record FeedEdit(long followerId, long[] tweetIds, long[] originals, boolean merge) {
        static FeedEdit of(FollowChange change, Timeline followeeTweets) {
            long[] ids = followeeTweets == null ? new long[0] : followeeTweets.toArray();
            if (!change.followed()) {
                return new FeedEdit(change.followerId(), ids, new long[0], false);
            }
            ids = Arrays.copyOf(ids, Math.min(ids.length, BACKFILL_TWEETS));
            if (followeeTweets != null && followeeTweets.narrowsAny(ids)) {
                FollowList follows = change.followerFollows() == null ? FollowList.EMPTY : change.followerFollows();
                ids = followeeTweets.page(
                        Long.MAX_VALUE, 0, BACKFILL_TWEETS, FeedReader.of(change.followerId(), follows.userIds()));
            }
            return new FeedEdit(change.followerId(), ids, originalsOf(followeeTweets, ids), true);
        }

        /** What each of the ids reposts, as the account's timeline notes it; empty when none is a repost. */
        private static long[] originalsOf(Timeline followeeTweets, long[] ids) {
            long[] originals = null;
            for (int i = 0; followeeTweets != null && i < ids.length; i++) {
                long original = followeeTweets.originalOf(ids[i]);
                if (original != 0) {
                    originals = originals == null ? new long[ids.length] : originals;
                    originals[i] = original;
                }
            }
            return originals == null ? new long[0] : originals;
        }

        EntryProcessor<Long, Timeline, Void> processor() {
            return merge ? new MergeIntoTimeline(tweetIds, originals) : new RemoveFromTimeline(tweetIds);
        }
    }
}
