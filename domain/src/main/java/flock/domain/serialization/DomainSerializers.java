package flock.domain.serialization;

import com.hazelcast.config.CompactSerializationConfig;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import flock.domain.account.CredentialSerializer;
import flock.domain.account.UserSerializer;
import flock.domain.cluster.MemberStatus;
import flock.domain.engagement.ApplyLike;
import flock.domain.engagement.ApplyResponse;
import flock.domain.engagement.BucketKey;
import flock.domain.engagement.BucketSize;
import flock.domain.engagement.DropRepost;
import flock.domain.engagement.EdgeBucket;
import flock.domain.engagement.EdgePage;
import flock.domain.engagement.LikeChange;
import flock.domain.engagement.LikeEvent;
import flock.domain.engagement.LikeList;
import flock.domain.engagement.ReadBucket;
import flock.domain.engagement.ReadLikes;
import flock.domain.engagement.ReadMembers;
import flock.domain.engagement.ReportBucket;
import flock.domain.engagement.SetLike;
import flock.domain.engagement.TweetStats;
import flock.domain.graph.AddFollow;
import flock.domain.graph.AddFollower;
import flock.domain.graph.AlsoFollows;
import flock.domain.graph.CountFollows;
import flock.domain.graph.FollowListSerializer;
import flock.domain.graph.FollowerChunkKey;
import flock.domain.graph.ReadFollowEdge;
import flock.domain.graph.ReadFollowPage;
import flock.domain.graph.RemoveFollow;
import flock.domain.graph.RemoveFollower;
import flock.domain.limits.DrawTokens;
import flock.domain.limits.RateShard;
import flock.domain.media.AttachMedia;
import flock.domain.media.ClaimForCleanup;
import flock.domain.media.Media;
import flock.domain.notification.AddNotification;
import flock.domain.notification.ForgetTweet;
import flock.domain.notification.Inbox;
import flock.domain.notification.MarkNotificationsRead;
import flock.domain.notification.ReadNotifications;
import flock.domain.safety.MuteList;
import flock.domain.safety.ReadMutes;
import flock.domain.safety.SetMute;
import flock.domain.timeline.AddOwnTweet;
import flock.domain.timeline.ApplyFeedUpdates;
import flock.domain.timeline.CountTweets;
import flock.domain.timeline.EditPulledAuthors;
import flock.domain.timeline.EvictIdleFeed;
import flock.domain.timeline.FeedChanges;
import flock.domain.timeline.FeedSource;
import flock.domain.timeline.InsertIntoTimeline;
import flock.domain.timeline.InstallRebuiltFeed;
import flock.domain.timeline.MarkFeedRead;
import flock.domain.timeline.MergeIntoTimeline;
import flock.domain.timeline.ReadAuthorTweets;
import flock.domain.timeline.ReadFeedSource;
import flock.domain.timeline.ReadTimelinePage;
import flock.domain.timeline.RemoveFromTimeline;
import flock.domain.timeline.RemoveOwnTweet;
import flock.domain.timeline.StartRebuild;
import flock.domain.timeline.TimelinePage;
import flock.domain.timeline.TimelineSerializer;
import flock.domain.tweet.TweetSerializer;
import java.util.List;

/**
 * Every Compact serializer of the domain, registered the same way on members, clients and test
 * clusters. Type names are stable ("flock.Tweet"): renaming a class must not change the wire format.
 */
public final class DomainSerializers {
    /** Every serializer, one per Compact class; the round-trip test holds a sample of each class named here. */
    static final List<CompactSerializer<?>> ALL = List.of(
            new UserSerializer(),
            new CredentialSerializer(),
            new TweetSerializer(),
            new TimelineSerializer(),
            new FollowListSerializer(),
            new InsertIntoTimeline.Serializer(),
            new AddOwnTweet.Serializer(),
            new RemoveOwnTweet.Serializer(),
            new CountTweets.Serializer(),
            new ApplyFeedUpdates.Serializer(),
            new RemoveFromTimeline.Serializer(),
            new ReadTimelinePage.Serializer(),
            new MergeIntoTimeline.Serializer(),
            new TimelinePage.Serializer(),
            new MarkFeedRead.Serializer(),
            new EditPulledAuthors.Serializer(),
            new InstallRebuiltFeed.Serializer(),
            new StartRebuild.Serializer(),
            new EvictIdleFeed.Serializer(),
            new FeedChanges.Serializer(),
            new ReadAuthorTweets.Serializer(),
            new AddFollow.Serializer(),
            new RemoveFollow.Serializer(),
            new ReadFollowPage.Serializer(),
            new CountFollows.Serializer(),
            new CountFollows.CountSerializer(),
            new ReadFollowEdge.Serializer(),
            new AddFollower.Serializer(),
            new AddFollower.PlacedSerializer(),
            new RemoveFollower.Serializer(),
            new FollowerChunkKey.Serializer(),
            new DrawTokens.Serializer(),
            new RateShard.Serializer(),
            new MemberStatus.Serializer(),
            new MemberStatus.ReportSerializer(),
            new Media.Serializer(),
            new AttachMedia.Serializer(),
            new ClaimForCleanup.Serializer(),
            new LikeList.Serializer(),
            new SetLike.Serializer(),
            new LikeChange.Serializer(),
            new ReadLikes.Serializer(),
            new EdgePage.Serializer(),
            new BucketKey.Serializer(),
            new EdgeBucket.Serializer(),
            new ApplyLike.Serializer(),
            new BucketSize.Serializer(),
            new ReadBucket.Serializer(),
            new TweetStats.Serializer(),
            new ReportBucket.Serializer(),
            new ApplyResponse.Serializer(),
            new AlsoFollows.Serializer(),
            new ReadFeedSource.Serializer(),
            new DropRepost.Serializer(),
            new ReadMembers.Serializer(),
            new FeedSource.Serializer(),
            new MuteList.Serializer(),
            new SetMute.Serializer(),
            new ReadMutes.Serializer(),
            new Inbox.Serializer(),
            new LikeEvent.Serializer(),
            new AddNotification.Serializer(),
            new ForgetTweet.Serializer(),
            new MarkNotificationsRead.Serializer(),
            new ReadNotifications.Serializer());

    private DomainSerializers() {}

    public static void registerAll(CompactSerializationConfig config) {
        for (CompactSerializer<?> serializer : ALL) {
            config.addSerializer(serializer);
        }
    }
}
