package flock.pipelines;

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
import com.hazelcast.jet.pipeline.StreamStage;
import flock.domain.MapNames;
import flock.domain.graph.FollowList;
import flock.domain.graph.FollowerChunkKey;
import flock.domain.tweet.Tweet;
import java.time.Duration;

/**
 * The fan-out on write: every tweet posted or deleted is pushed into (or taken out of) the home timeline
 * of its author and of each follower, asynchronously, on the members that own those timelines. Tweets of
 * accounts in pull mode ({@link MapNames#PULL_ACCOUNTS}) go only into the author's own feed; followers
 * merge them in when they read.
 *
 * <p>Batched and parallel: a tweet's feeds go out in batches of {@value FanOutBatch#MAX_FEEDS}, sent with the
 * batches queued beside them as one call that gives each partition its own feeds ({@link FeedWriter}), so every member
 * updates its share of the feeds at once, one operation per partition rather than one per feed. A big account's follower list is split into
 * chunks on many partitions ({@link MapNames#FOLLOWER_CHUNKS}); they are looked up concurrently, each
 * becoming its own batches as soon as it arrives.
 *
 * <p>A reply to someone else reaches only the followers that also follow the account replied to ({@link
 * ReplyAudience}); every reply or quote, posted or deleted, also changes the replies or quotes of the tweet it answers
 * or quotes, and their count ({@link ResponseCounts}); so does a repost, which a feed leaves out when it holds the
 * original or a repost of it already ({@code Timeline.insertRepost}). A deleted tweet takes its reposts with it
 * ({@link RepostCascade}).
 *
 * <p>Guarantee: at-least-once with snapshots every 5 s. A member leaving restarts the job from its
 * last snapshot and replays the journal from there; the timeline entry processors are idempotent, so
 * a replay never duplicates an entry and at-least-once delivers exactly-once results.
 */
public final class FanOutPipeline {
    /**
     * Batches that queued up while earlier ones were in flight, sent together (Jet keeps up to four such
     * groups in flight per processor, two processors per member): up to 64,000 feed updates at once,
     * enough to keep every member's partition threads busy without flooding them after a restart's replay.
     */
    static final int MAX_BATCHES_PER_CALL = 64;

    /**
     * Snapshot interval by default: the most journal a member failure makes the job read again. Replays are
     * harmless (every feed update is idempotent), and a snapshot costs the same whether or not anything happened:
     * every second, they were a third of what two idle members spent. Members may set their own
     * ({@code flock.jobs.snapshot-interval}).
     */
    public static final Duration SNAPSHOT_INTERVAL = Duration.ofSeconds(5);

    private FanOutPipeline() {}

    /** The maps the fan-out reads and writes (parameters, so tests can run it over their own). */
    public record Maps(
            String tweets,
            String pullAccounts,
            String followers,
            String followerChunks,
            String homeTimelines,
            String following,
            String replies,
            String quotes,
            String reposts,
            String reposted,
            String userTimelines,
            String tweetStats)
            implements java.io.Serializable { // the stages' services are made from it on every member
        /** Flock's own maps. */
        public static final Maps FLOCK = new Maps(
                MapNames.TWEETS,
                MapNames.PULL_ACCOUNTS,
                MapNames.FOLLOWERS,
                MapNames.FOLLOWER_CHUNKS,
                MapNames.HOME_TIMELINES,
                MapNames.FOLLOWING,
                MapNames.REPLIES,
                MapNames.QUOTES,
                MapNames.REPOSTS,
                MapNames.REPOSTED,
                MapNames.USER_TIMELINES,
                MapNames.TWEET_STATS);
    }

    /** Builds the pipeline over the named maps. */
    public static Pipeline build(Maps maps) {
        String tweetsMap = maps.tweets();
        String pullAccountsMap = maps.pullAccounts();
        String followersMap = maps.followers();
        String followerChunksMap = maps.followerChunks();
        String homeTimelinesMap = maps.homeTimelines();
        // Strings, not the record: the stages' lambdas are serialized with the job.
        String followingMap = maps.following();
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
        StreamStage<FanOutBatch> pulled = events.filter(TweetEvent::pulled)
                .setName("pulled at read")
                .map(TweetEvent::ownFeedOnly)
                .setName("author's own feed");
        // A pushed author's follower list: its head, then (for a big account) its chunks, read where they live.
        StreamStage<PushedTweet> pushed = events.filter(event -> !event.pulled())
                .setName("pushed on write")
                .<Long, FollowList, PushedTweet>mapUsingIMap(followersMap, TweetEvent::authorId, PushedTweet::new)
                .setName("look up followers");
        StreamStage<FanOutBatch> chunkBatches = pushed.flatMap(
                        tweet -> Traversers.traverseIterable(tweet.event().chunkReads(tweet.head())))
                .setName("chunks of big follower lists")
                .<FollowerChunkKey, FollowList, FanOutBatch[]>mapUsingIMap(
                        followerChunksMap, FollowerChunkRead::key, (read, chunk) -> read.event()
                                .chunkBatchesFor(chunk))
                .setName("look up follower chunks")
                .flatMap(Traversers::traverseArray)
                .setName("batches of chunk feeds");
        pushed.flatMap(tweet -> Traversers.traverseArray(tweet.event().batchesFor(tweet.head())))
                .setName("batches of feeds")
                .merge(chunkBatches)
                .merge(pulled)
                .mapUsingServiceAsync(
                        ServiceFactories.sharedService(
                                context -> new ReplyAudience(context.hazelcastInstance(), followingMap)),
                        ReplyAudience::narrow)
                .setName("replies only to those who follow both")
                .mapUsingServiceAsyncBatched(
                        ServiceFactories.sharedService(
                                context -> new FeedWriter(context.hazelcastInstance(), homeTimelinesMap)),
                        MAX_BATCHES_PER_CALL,
                        (writer, batches) -> writer.pushAll(batches).thenApply(FanOutMetrics::doneAll))
                .setName("update feeds on every member")
                .writeTo(Sinks.noop());
        events.filter(ResponseCounts::counts)
                .setName("replies, quotes and reposts posted and deleted")
                .mapUsingServiceAsync(
                        ServiceFactories.sharedService(
                                context -> new ResponseCounts(context.hazelcastInstance(), maps)),
                        ResponseCounts::apply)
                .setName("count replies, quotes and reposts")
                .filter(event -> event.repostOfId() != 0 && !event.removal())
                .setName("reposts counted")
                .mapUsingServiceAsync(
                        ServiceFactories.sharedService(context -> new RepostCascade(context.hazelcastInstance(), maps)),
                        RepostCascade::removeIfOrphaned)
                .setName("deleted too if their original went meanwhile")
                .writeTo(Sinks.noop());
        events.filter(RepostCascade::applies)
                .setName("tweets deleted")
                .mapUsingServiceAsync(
                        ServiceFactories.sharedService(context -> new RepostCascade(context.hazelcastInstance(), maps)),
                        RepostCascade::takeAway)
                .setName("their reposts deleted with them")
                .writeTo(Sinks.noop());
        return pipeline;
    }

    /**
     * Suspends rather than fails on an error (a follower list that Cassandra was too busy to load in time):
     * a failed job would stop every fan-out for good, a suspended one keeps its snapshot and is resumed by
     * the members' job watchdog, replaying from there.
     */
    public static JobConfig jobConfig(Duration snapshotInterval) {
        return new JobConfig()
                .setName(MapNames.FAN_OUT_JOB)
                .setSuspendOnFailure(true)
                .setProcessingGuarantee(ProcessingGuarantee.AT_LEAST_ONCE)
                .setSnapshotIntervalMillis(snapshotInterval.toMillis());
    }

    /** Submits the fan-out over Flock's maps unless the cluster already runs it; any member may call. */
    public static Job submitIfAbsent(JetService jet) {
        return submitIfAbsent(jet, SNAPSHOT_INTERVAL);
    }

    /** The same, snapshotting at the given interval when this call is the one that submits it. */
    public static Job submitIfAbsent(JetService jet, Duration snapshotInterval) {
        return jet.newJobIfAbsent(build(Maps.FLOCK), jobConfig(snapshotInterval));
    }
}
