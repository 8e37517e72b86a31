package flock.pipelines;

import com.hazelcast.jet.JetService;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.Traversers;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.config.ProcessingGuarantee;
import com.hazelcast.jet.pipeline.JournalInitialPosition;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.Sinks;
import com.hazelcast.jet.pipeline.Sources;
import com.hazelcast.jet.pipeline.StreamStage;
import flock.domain.FollowList;
import flock.domain.MapNames;
import flock.domain.Tweet;

/**
 * The fan-out on write: every tweet posted or deleted is pushed into (or taken out of) the home timeline
 * of its author and of each follower, asynchronously, on the members that own those timelines. Tweets of
 * accounts in pull mode ({@link MapNames#PULL_ACCOUNTS}) go only into the author's own feed; followers
 * merge them in when they read.
 *
 * <p>Guarantee: at-least-once with snapshots every second. A member leaving restarts the job from its
 * last snapshot and replays the journal from there; the timeline entry processors are idempotent, so
 * a replay never duplicates an entry and at-least-once delivers exactly-once results.
 */
public final class FanOutPipeline {
    /** Journal events replayed per second after a restart are bounded by this many parallel updates. */
    static final int MAX_PARALLEL_UPDATES = 1_000;

    /** Snapshot interval: the most work a member failure makes the job redo. */
    static final long SNAPSHOT_INTERVAL_MILLIS = 1_000;

    private FanOutPipeline() {}

    /** Builds the pipeline over the named maps (parameters, so tests can run it over their own maps). */
    public static Pipeline build(
            String tweetsMap, String pullAccountsMap, String followersMap, String homeTimelinesMap) {
        Pipeline pipeline = Pipeline.create();
        StreamStage<TweetEvent> events = pipeline.readFrom(Sources.<TweetEvent, Long, Tweet>mapJournal(
                        tweetsMap,
                        JournalInitialPosition.START_FROM_OLDEST,
                        TweetEvent::of,
                        TweetEvent::isPostOrDelete))
                .withoutTimestamps()
                .setName("tweets posted and deleted")
                .<Long, String, TweetEvent>mapUsingIMap(
                        pullAccountsMap, TweetEvent::authorId, TweetEvent::withPullState)
                .setName("push or pull");
        // Pulled authors' follower lists are the biggest of all: they are never even read here.
        StreamStage<TimelineUpdate> pulled = events.filter(TweetEvent::pulled)
                .setName("pulled at read")
                .map(TweetEvent::ownFeedUpdate)
                .setName("author's own feed");
        events.filter(event -> !event.pulled())
                .setName("pushed on write")
                .<Long, FollowList, TimelineUpdate[]>mapUsingIMap(
                        followersMap, TweetEvent::authorId, (event, followers) -> event.updatesFor(followers))
                .setName("look up followers")
                .flatMap(Traversers::traverseArray)
                .setName("one update per timeline")
                .merge(pulled)
                .writeTo(Sinks.mapWithEntryProcessor(
                        MAX_PARALLEL_UPDATES, homeTimelinesMap, TimelineUpdate::userId, TimelineUpdate::processor));
        return pipeline;
    }

    public static JobConfig jobConfig() {
        return new JobConfig()
                .setName(MapNames.FAN_OUT_JOB)
                .setProcessingGuarantee(ProcessingGuarantee.AT_LEAST_ONCE)
                .setSnapshotIntervalMillis(SNAPSHOT_INTERVAL_MILLIS);
    }

    /** Submits the fan-out over Flock's maps unless the cluster already runs it; any member may call. */
    public static Job submitIfAbsent(JetService jet) {
        return jet.newJobIfAbsent(
                build(MapNames.TWEETS, MapNames.PULL_ACCOUNTS, MapNames.FOLLOWERS, MapNames.HOME_TIMELINES),
                jobConfig());
    }
}
