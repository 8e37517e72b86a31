package flock.domain;

import com.hazelcast.config.CompactSerializationConfig;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import java.util.List;

/**
 * Every Compact serializer of the domain, registered the same way on members, clients and test
 * clusters. Type names are stable ("flock.Tweet"): renaming a class must not change the wire format.
 */
public final class DomainSerializers {
    private static final List<CompactSerializer<?>> ALL = List.of(
            new UserSerializer(),
            new CredentialSerializer(),
            new TweetSerializer(),
            new TimelineSerializer(),
            new FollowListSerializer(),
            new InsertIntoTimeline.Serializer(),
            new ApplyFeedUpdates.Serializer(),
            new RemoveFromTimeline.Serializer(),
            new ReadTimelinePage.Serializer(),
            new MergeIntoTimeline.Serializer(),
            new TimelinePage.Serializer(),
            new MarkFeedRead.Serializer(),
            new EditPulledAuthors.Serializer(),
            new InstallRebuiltFeed.Serializer(),
            new EvictIdleFeed.Serializer(),
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
            new AdjustTweetCount.Serializer(),
            new DrawTokens.Serializer(),
            new RateShard.Serializer(),
            new MemberStatus.Serializer(),
            new MemberStatus.ReportSerializer(),
            new Media.Serializer(),
            new AttachMedia.Serializer(),
            new ClaimForCleanup.Serializer());

    private DomainSerializers() {}

    public static void registerAll(CompactSerializationConfig config) {
        for (CompactSerializer<?> serializer : ALL) {
            config.addSerializer(serializer);
        }
    }
}
