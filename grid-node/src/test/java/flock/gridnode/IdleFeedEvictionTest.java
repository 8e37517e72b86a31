package flock.gridnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import flock.domain.MapNames;
import flock.domain.graph.FollowList;
import flock.domain.timeline.Timeline;
import flock.domain.tweet.Tweet;
import flock.pipelines.FanOutPipeline;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IdleFeedEvictionTest {
    /** How long an asynchronous outcome may take on a busy 2-core machine before the test fails. */
    private static final Duration EVENTUALLY = Duration.ofMinutes(2);

    private static final long AUTHOR = 1;
    private static final long ACTIVE_READER = 2;
    private static final long IDLE_READER = 3;
    private static final Duration IDLE_AFTER = Duration.ofDays(7);

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(2);

    @AfterEach
    void stop() {
        factory.shutdownAll();
    }

    @Test
    void should_evict_only_feeds_unread_for_the_idle_period_and_fan_out_only_to_the_rest() {
        HazelcastInstance first = factory.newHazelcastInstance(InMemoryMembers.config());
        HazelcastInstance second = factory.newHazelcastInstance(InMemoryMembers.config());
        long now = System.currentTimeMillis();
        IMap<Long, Timeline> homes = first.getMap(MapNames.HOME_TIMELINES);
        homes.set(ACTIVE_READER, readAt(now - Duration.ofDays(6).toMillis()));
        homes.set(IDLE_READER, readAt(now - Duration.ofDays(8).toMillis()));
        homes.set(AUTHOR, readAt(now));

        int evicted = new IdleFeedEviction(first, IDLE_AFTER).sweep(now)
                + new IdleFeedEviction(second, IDLE_AFTER).sweep(now);

        assertThat(evicted).isEqualTo(1);
        assertThat(homes.containsKey(IDLE_READER)).isFalse();
        assertThat(homes.containsKey(ACTIVE_READER)).isTrue();

        first.<Long, FollowList>getMap(MapNames.FOLLOWERS)
                .set(AUTHOR, FollowList.EMPTY.with(ACTIVE_READER, 10).with(IDLE_READER, 11));
        FanOutPipeline.submitIfAbsent(first.getJet());
        first.<Long, Tweet>getMap(MapNames.TWEETS).set(500L, new Tweet(500, AUTHOR, "hello", now, new long[0]));
        await().atMost(EVENTUALLY)
                .untilAsserted(
                        () -> assertThat(homes.get(ACTIVE_READER).toArray()).containsExactly(500));
        assertThat(homes.containsKey(IDLE_READER))
                .as("an evicted feed gets no fan-out; its owner's next read rebuilds it")
                .isFalse();
    }

    @Test
    void should_keep_a_feed_read_after_the_sweep_chose_it() {
        HazelcastInstance member = factory.newHazelcastInstance(InMemoryMembers.config());
        IMap<Long, Timeline> homes = member.getMap(MapNames.HOME_TIMELINES);
        long now = System.currentTimeMillis();
        homes.set(IDLE_READER, readAt(now));
        assertThat(homes.executeOnKey(IDLE_READER, new flock.domain.timeline.EvictIdleFeed(now - 1)))
                .isFalse();
        assertThat(homes.executeOnKey(IDLE_READER, new flock.domain.timeline.EvictIdleFeed(now + 1)))
                .isTrue();
        assertThat(homes.containsKey(IDLE_READER)).isFalse();
    }

    private static Timeline readAt(long millis) {
        Timeline feed = Timeline.empty();
        feed.markRead(millis);
        return feed;
    }
}
