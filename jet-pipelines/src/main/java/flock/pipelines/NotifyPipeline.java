package flock.pipelines;

import com.hazelcast.core.EntryEventType;
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
import com.hazelcast.map.EventJournalMapEvent;
import flock.domain.FlakeIds;
import flock.domain.MapNames;
import flock.domain.engagement.LikeEvent;
import flock.domain.graph.FollowList;
import flock.domain.notification.Inbox;
import flock.domain.notification.NotificationKind;
import flock.domain.safety.MuteList;
import flock.domain.tweet.Tweet;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Turns what people do into notifications: reads the journals of tweets (mentions, replies, quotes, reposts, and
 * deletes, which take them back), of like events (likes) and of follow lists (follows), and writes each user's
 * {@link Inbox} on the member that owns it. Nothing is told about one's own acts, nor by an account the recipient blocks
 * or mutes.
 *
 * <p>Guarantee: at-least-once with snapshots, as the fan-out. Every inbox change is idempotent (an inbox remembers the
 * newest events it applied), so a replay after a member loss counts nothing twice.
 */
public final class NotifyPipeline {
    private NotifyPipeline() {}

    /** The maps the job reads and writes (parameters, so tests can run it over their own). */
    public record Maps(
            String tweets, String likeEvents, String following, String blocking, String muting, String notifications)
            implements java.io.Serializable {
        public static final Maps FLOCK = new Maps(
                MapNames.TWEETS,
                MapNames.LIKE_EVENTS,
                MapNames.FOLLOWING,
                MapNames.BLOCKING,
                MapNames.MUTING,
                MapNames.NOTIFICATIONS);
    }

    public static Pipeline build(Maps maps) {
        Pipeline pipeline = Pipeline.create();
        StreamStage<Notice> fromTweets = pipeline.readFrom(Sources.<TweetNotices, Long, Tweet>mapJournal(
                        maps.tweets(),
                        JournalInitialPosition.START_FROM_OLDEST,
                        TweetNotices::of,
                        TweetNotices::isPostOrDelete))
                .withoutTimestamps()
                .setName("tweets posted and deleted")
                .flatMap(tweet -> Traversers.traverseIterable(tweet.notices()))
                .setName("mentions, replies, quotes, reposts");
        StreamStage<Notice> fromLikes = pipeline.readFrom(Sources.<Notice, Long, LikeEvent>mapJournal(
                        maps.likeEvents(),
                        JournalInitialPosition.START_FROM_OLDEST,
                        NotifyPipeline::likeNotice,
                        NotifyPipeline::isLike))
                .withoutTimestamps()
                .setName("likes");
        StreamStage<Notice> fromFollows = pipeline.readFrom(
                        Sources.<FollowChange.FollowEdit, Long, FollowList>mapJournal(
                                maps.following(),
                                JournalInitialPosition.START_FROM_OLDEST,
                                FollowChange.FollowEdit::of,
                                FollowChange.FollowEdit::isEdit))
                .withoutTimestamps()
                .setName("follow lists edited")
                .flatMap(edit -> Traversers.traverseArray(edit.changes()))
                .setName("follows and unfollows")
                .map(NotifyPipeline::followNotice)
                .setName("follows");
        StreamStage<Notice> all = fromTweets.merge(fromLikes).merge(fromFollows);
        StreamStage<Notice> found = all.filter(Notice::needsRecipient)
                .setName("to the author of a tweet")
                .<Long, Tweet, Notice>mapUsingIMap(maps.tweets(), Notice::authorOf, Notice::toAuthor)
                .setName("look up the author");
        all.filter(notice -> !notice.needsRecipient())
                .setName("to a known account")
                .merge(found)
                .filter(notice -> !notice.selfAct())
                .setName("not one's own acts")
                .<Long, FollowList, Notice>mapUsingIMap(maps.blocking(), Notice::recipientId, Notice::unlessBlocked)
                .setName("not from blocked accounts")
                .<Long, MuteList, Notice>mapUsingIMap(maps.muting(), Notice::recipientId, Notice::unlessMuted)
                .setName("not from muted accounts")
                .writeTo(Sinks.mapWithEntryProcessor(maps.notifications(), Notice::recipientId, Notice::processor));
        return pipeline;
    }

    /** A like written (or written again by a retry: the inbox knows its id); expiries are nobody's act. */
    private static boolean isLike(EventJournalMapEvent<Long, LikeEvent> event) {
        return event.getType() == EntryEventType.ADDED || event.getType() == EntryEventType.UPDATED;
    }

    private static Notice likeNotice(EventJournalMapEvent<Long, LikeEvent> event) {
        LikeEvent like = event.getNewValue();
        return Notice.toAuthorOf(like.tweetId(), NotificationKind.LIKE, like.tweetId(), like.actorId(), event.getKey());
    }

    /** A follow tells the followee, grouped by the hour; an unfollow takes nothing back (null). */
    private static Notice followNotice(FollowChange change) {
        if (!change.followed() || change.followerFollows() == null) {
            return null;
        }
        OptionalLong edge = change.followerFollows().edgeOf(change.followeeId());
        if (edge.isEmpty()) {
            return null;
        }
        long hour = FlakeIds.millisOf(edge.getAsLong()) / NotificationKind.HOUR_MILLIS * NotificationKind.HOUR_MILLIS;
        return Notice.to(change.followeeId(), NotificationKind.FOLLOW, hour, change.followerId(), edge.getAsLong());
    }

    /** Suspends rather than fails, as the fan-out: the members' watchdog resumes it from its snapshot. */
    public static JobConfig jobConfig(Duration snapshotInterval) {
        return new JobConfig()
                .setName(MapNames.NOTIFY_JOB)
                .setSuspendOnFailure(true)
                .setProcessingGuarantee(ProcessingGuarantee.AT_LEAST_ONCE)
                .setSnapshotIntervalMillis(snapshotInterval.toMillis());
    }

    /** Submits the job over Flock's maps unless the cluster already runs it. */
    public static Job submitIfAbsent(JetService jet, Duration snapshotInterval) {
        return jet.newJobIfAbsent(build(Maps.FLOCK), jobConfig(snapshotInterval));
    }
}
