package flock.domain.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.CompactSerializationConfig;
import com.hazelcast.config.SerializationConfig;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import com.hazelcast.internal.serialization.impl.SerializationConstants;
import com.hazelcast.internal.serialization.impl.compact.CompactTestUtil;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import flock.domain.account.Credential;
import flock.domain.account.User;
import flock.domain.cluster.MemberStatus;
import flock.domain.engagement.ApplyLike;
import flock.domain.engagement.ApplyResponse;
import flock.domain.engagement.BucketKey;
import flock.domain.engagement.BucketSize;
import flock.domain.engagement.Counted;
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
import flock.domain.graph.ChunkIndex;
import flock.domain.graph.CountFollows;
import flock.domain.graph.FollowList;
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
import flock.domain.notification.NotificationKind;
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
import flock.domain.timeline.FeedReader;
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
import flock.domain.timeline.Timeline;
import flock.domain.timeline.TimelinePage;
import flock.domain.tweet.Tweet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DomainSerializersTest {
    private final InternalSerializationService serialization = serializationService();

    /** A value of every class the domain registers a serializer for: values, entry processors and their answers. */
    private static List<Object> samples() {
        return List.of(
                new User(1L, "alice", "Alice", 1_700_000_000_000L),
                new Credential(1L, new byte[Credential.HASH_LENGTH]),
                new Tweet(2L, 1L, "hello \uD83D\uDC26", 1_700_000_000_001L, new long[] {7L}),
                new Tweet(3L, 4L, "a reply", 1_700_000_000_002L, new long[0], 2L, 1L, 2L, 0L, 0L),
                new Tweet(4L, 4L, "a quote", 1_700_000_000_003L, new long[0], 0L, 0L, 4L, 2L, 0L),
                new Tweet(5L, 4L, "", 1_700_000_000_004L, new long[0], 0L, 0L, 5L, 0L, 2L),
                Timeline.ofNewestFirst(new long[] {30, 20, 10}, 3),
                countedTimeline(),
                FollowList.EMPTY.with(5, 50).with(6, 60),
                new FollowList(new long[] {5}, new long[] {50}, new ChunkIndex(new long[] {70, 90}, 95, 3)),
                new InsertIntoTimeline(9L),
                new AddOwnTweet(9L),
                new RemoveOwnTweet(9L),
                new CountTweets(),
                new ReadTimelinePage(100L, 1L, 20, Long.MIN_VALUE),
                new ReadTimelinePage(100L, 1L, 21, 5L),
                new MergeIntoTimeline(new long[] {3, 2}),
                new RemoveFromTimeline(new long[] {9, 8}),
                new ApplyFeedUpdates(new long[] {4, 6}, new int[] {1, 3}, new long[] {10, 11, ~10}),
                new InstallRebuiltFeed(new long[] {5, 4}, new long[] {11}, 99L, true, new long[] {5}, new long[] {2}),
                new FeedSource(new long[] {5, 4}, new long[] {5}, new long[] {2}, false),
                new TimelinePage(new long[] {8, 7}, new long[] {3}, true, false),
                new MarkFeedRead(77L),
                new StartRebuild(78L),
                new EditPulledAuthors(12L, true),
                new EvictIdleFeed(1000L),
                new FeedChanges("member-1", 7L, new long[] {3, 4}),
                new FeedChanges("member-2", 8L, new long[] {3, 4}, new int[] {1, 2}, new long[] {10, ~9}),
                new ReadAuthorTweets(50L, 2L, 21),
                new AddFollow<Long>(3L, 4L, 5_000),
                new RemoveFollow<Long>(3L),
                new ReadFollowPage<Long>(10L, 5),
                new CountFollows<Long>(),
                new CountFollows.Count(3, 2),
                new ReadFollowEdge(4L),
                new AddFollower(3L, 4L, 32_768),
                new AddFollower.Placed(2, 70_000),
                new RemoveFollower(3L, 4L),
                new FollowerChunkKey(9L, 3),
                DrawTokens.read("account:7", 300, 300_000L),
                new DrawTokens(
                        new String[] {"a", "b"}, new int[] {2, 0}, new int[] {300, 30}, new long[] {300_000L, 1L}),
                new RateShard(),
                new MemberStatus(),
                new MemberStatus.Report("127.0.0.1:5701", "u-1", "ACTIVE", 136, true, false, 1L, 2L, new long[] {3, 4}),
                new Media(5L, 1L, "image/png", 300L, Media.State.READY, 1_700_000_000_002L, 0L),
                AttachMedia.to(1L, 2L),
                AttachMedia.detachFrom(2L),
                new ClaimForCleanup(1_700_000_000_000L),
                new LikeList(2, new long[] {10, 20}, new long[] {110, 105}),
                SetLike.like(10L, 110L),
                new LikeChange(true, 110L, 2),
                new ReadLikes(Long.MAX_VALUE, 20),
                new EdgePage(new long[] {10}, new long[] {110}),
                new BucketKey(10L, 3),
                EdgeBucket.EMPTY.apply(1L, 110L, 2, true, 0).apply(2L, 111L, 5, false, 0),
                new ApplyLike(1L, 110L, 2, true, 1_700_000_000_000L),
                new BucketSize(3, 7),
                new ReadBucket(Long.MAX_VALUE, 20),
                TweetStats.empty()
                        .withLikeBucket(3, new BucketSize(2, 4))
                        .withBucket(Counted.REPLIES, 15, new BucketSize(1, 1)),
                new ReportBucket(Counted.LIKES, 3, 2, 4),
                new ApplyResponse(3L, true, 1_700_000_000_000L),
                new AlsoFollows(5L, 6L),
                new ReadFeedSource(800, 5L, new long[] {3, 9}),
                new DropRepost(2L, 5L),
                new ReadMembers(),
                new ReadAuthorTweets(90L, 0L, 20, new FeedReader(5L, new long[] {3, 9})),
                new MuteList(
                        new long[] {4, 9}, new long[] {120, 110}, new long[] {MuteList.FOREVER, 1_700_000_000_000L}),
                SetMute.mute(9L, 130L, 1_700_000_000_000L, 1_600_000_000_000L),
                new ReadMutes(200L, 20, 1_600_000_000_000L),
                Inbox.EMPTY
                        .with(NotificationKind.LIKE, 40L, 7L, 100L, 1_700_000_000_000L)
                        .with(NotificationKind.FOLLOW, 0L, 8L, 101L, 1_700_000_000_000L)
                        .markedRead(100L),
                AddNotification.of(NotificationKind.MENTION, 41L, 7L, 102L, 1_700_000_000_000L),
                new ForgetTweet(41L),
                new LikeEvent(40L, 7L),
                new MarkNotificationsRead(101L),
                new ReadNotifications(Long.MAX_VALUE, 0L, 20, NotificationKind.ALL_KINDS));
    }

    /** An author's timeline: its tweet count travels too. */
    private static Timeline countedTimeline() {
        Timeline timeline = Timeline.ofNewestFirst(new long[] {40, 35}, 2);
        timeline.setTweetCount(1_234);
        timeline.narrow(35, 77); // a reply to account 77
        timeline.markRepost(40, 12); // a repost of tweet 12
        return timeline;
    }

    @Test
    void should_hold_a_sample_of_every_registered_class() {
        Set<Class<?>> sampled = new HashSet<>();
        samples().forEach(sample -> sampled.add(sample.getClass()));
        List<String> missing = new ArrayList<>();
        for (CompactSerializer<?> serializer : DomainSerializers.ALL) {
            if (!sampled.contains(serializer.getCompactClass())) {
                missing.add(serializer.getCompactClass().getName());
            }
        }
        assertThat(missing)
                .as("registered classes without a sample in samples()")
                .isEmpty();
    }

    @Test
    void should_round_trip_every_sample_in_compact_form_not_java_serialization() {
        for (Object sample : samples()) {
            Data data = serialization.toData(sample);
            assertThat(data.getType())
                    .as(sample.getClass().getSimpleName())
                    .isEqualTo(SerializationConstants.TYPE_COMPACT);
            Object back = serialization.toObject(data);
            assertThat(back).as(sample.getClass().getSimpleName()).isInstanceOf(sample.getClass());
            if (declaresEquals(sample.getClass())) {
                assertThat(back).isEqualTo(sample);
            } else {
                // records compare array components by identity, and some classes have no equals: compare fields
                assertThat(back)
                        .as(sample.getClass().getSimpleName())
                        .usingRecursiveComparison()
                        .isEqualTo(sample);
            }
        }
    }

    private static boolean declaresEquals(Class<?> type) {
        if (type.isRecord()) {
            return false;
        }
        try {
            type.getDeclaredMethod("equals", Object.class);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    @Test
    void should_read_feed_changes_from_a_writer_that_only_names_the_feeds() {
        // What a publisher of the version before the updates were added sends, during a rolling upgrade.
        com.hazelcast.nio.serialization.genericrecord.GenericRecord older =
                com.hazelcast.nio.serialization.genericrecord.GenericRecordBuilder.compact("flock.FeedChanges")
                        .setString("publisher", "member-0")
                        .setInt64("sequence", 3L)
                        .setArrayOfInt64("feeds", new long[] {5, 6})
                        .build();

        FeedChanges back = serialization.toObject(serialization.toData(older));

        assertThat(back.feeds()).containsExactly(5, 6);
        assertThat(back.detailed()).as("a reader drops those heads").isFalse();
    }

    @Test
    void should_keep_a_home_feeds_pulled_accounts_and_read_time_across_serialization() {
        Timeline feed = Timeline.ofNewestFirst(new long[] {30, 20}, 2);
        feed.setPulled(9, true);
        feed.markRead(1234L);
        Timeline back = serialization.toObject(serialization.toData(feed));
        assertThat(back.pulledAuthors()).containsExactly(9);
        assertThat(back.lastReadMillis()).isEqualTo(1234L);
        assertThat(back).isEqualTo(feed);
    }

    private static InternalSerializationService serializationService() {
        SerializationConfig config = new SerializationConfig();
        CompactSerializationConfig compact = config.getCompactSerializationConfig();
        DomainSerializers.registerAll(compact);
        return new DefaultSerializationServiceBuilder()
                .setConfig(config)
                .setSchemaService(CompactTestUtil.createInMemorySchemaService())
                .build();
    }
}
