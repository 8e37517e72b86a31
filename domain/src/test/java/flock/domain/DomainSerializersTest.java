package flock.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.CompactSerializationConfig;
import com.hazelcast.config.SerializationConfig;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import com.hazelcast.internal.serialization.impl.SerializationConstants;
import com.hazelcast.internal.serialization.impl.compact.CompactTestUtil;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainSerializersTest {
    private final InternalSerializationService serialization = serializationService();

    @Test
    void should_round_trip_every_grid_value() {
        List<Object> values = List.of(
                new User(1L, "alice", "Alice", 1_700_000_000_000L, 3),
                new Credential(1L, new byte[Credential.HASH_LENGTH]),
                new Tweet(2L, 1L, "hello 🐦", 1_700_000_000_001L, new long[] {7L}),
                Timeline.ofNewestFirst(new long[] {30, 20, 10}, 3),
                FollowList.EMPTY.with(5, 50).with(6, 60),
                new FollowList(new long[] {5}, new long[] {50}, new ChunkIndex(new long[] {70, 90}, 95, 3)));
        for (Object value : values) {
            Data data = serialization.toData(value);
            assertThat(data.getType())
                    .as(value.getClass().getSimpleName())
                    .isEqualTo(SerializationConstants.TYPE_COMPACT);
            Object back = serialization.toObject(data);
            if (value instanceof Credential credential) {
                assertThat(((Credential) back).tokenHash()).isEqualTo(credential.tokenHash());
            } else if (value instanceof Tweet tweet) {
                assertThat(((Tweet) back).mediaIds()).isEqualTo(tweet.mediaIds());
                assertThat(((Tweet) back).text()).isEqualTo(tweet.text());
            } else {
                assertThat(back).isEqualTo(value);
            }
        }
    }

    @Test
    void should_send_entry_processors_in_compact_form_not_java_serialization() {
        List<Object> processors = List.of(
                new InsertIntoTimeline(9L, true),
                new ReadTimelinePage(100L, 1L, 20),
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
                new AdjustTweetCount(-1),
                new ReadTimelinePage(100L, 1L, 21, 5L),
                new MarkFeedRead(77L),
                new EditPulledAuthors(12L, true),
                new EvictIdleFeed(1000L),
                new ReadAuthorTweets(50L, 2L, 21));
        for (Object processor : processors) {
            Data data = serialization.toData(processor);
            assertThat(data.getType())
                    .as(processor.getClass().getSimpleName())
                    .isEqualTo(SerializationConstants.TYPE_COMPACT);
            assertThat((Object) serialization.toObject(data)).isEqualTo(processor);
        }
        MergeIntoTimeline merge =
                serialization.toObject(serialization.toData(new MergeIntoTimeline(new long[] {3, 2})));
        assertThat(merge.newestFirst()).containsExactly(3, 2);
        RemoveFromTimeline remove =
                serialization.toObject(serialization.toData(new RemoveFromTimeline(new long[] {9, 8})));
        assertThat(remove.tweetIds()).containsExactly(9, 8);
        ApplyFeedUpdates updates = serialization.toObject(serialization.toData(
                new ApplyFeedUpdates(new long[] {4, 6}, new int[] {1, 3}, new long[] {10, 11, ~10})));
        assertThat(updates.feeds()).containsExactly(4, 6);
        assertThat(updates.ends()).containsExactly(1, 3);
        assertThat(updates.updates()).containsExactly(10, 11, ~10);
        InstallRebuiltFeed rebuilt = serialization.toObject(
                serialization.toData(new InstallRebuiltFeed(new long[] {5, 4}, new long[] {11}, 99L, true)));
        assertThat(rebuilt.newestFirst()).containsExactly(5, 4);
        assertThat(rebuilt.pulledAuthors()).containsExactly(11);
        assertThat(rebuilt.readAtMillis()).isEqualTo(99L);
        TimelinePage page = serialization.toObject(
                serialization.toData(new TimelinePage(new long[] {8, 7}, new long[] {3}, true, false)));
        assertThat(page.ids()).containsExactly(8, 7);
        assertThat(page.pulledAuthors()).containsExactly(3);
        assertThat(page.readMarkStale()).isTrue();
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
