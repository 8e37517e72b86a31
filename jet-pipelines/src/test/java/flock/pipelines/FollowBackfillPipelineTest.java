package flock.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.config.EventJournalConfig;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import flock.domain.graph.FollowList;
import flock.domain.serialization.DomainSerializers;
import flock.domain.timeline.Timeline;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FollowBackfillPipelineTest {
    /** How long an asynchronous outcome may take on a busy 2-core machine before the test fails. */
    private static final Duration EVENTUALLY = Duration.ofMinutes(2);

    private static final long FOLLOWER = 1;
    private static final long FOLLOWEE = 2;
    private static final long PROLIFIC = 3;
    private static final long AWAY_FOLLOWER = 4;

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(1);
    private IMap<Long, FollowList> following;
    private IMap<Long, Timeline> homes;
    private IMap<Long, Timeline> authors;

    @BeforeEach
    void start() {
        HazelcastInstance member = factory.newHazelcastInstance(config());
        following = member.getMap("following");
        homes = member.getMap("homes");
        authors = member.getMap("authors");
        authors.set(FOLLOWEE, Timeline.ofNewestFirst(new long[] {30, 20, 10}, 3));
        long[] many = new long[300];
        for (int i = 0; i < many.length; i++) {
            many[i] = 1_000 - i;
        }
        authors.set(PROLIFIC, Timeline.ofNewestFirst(many, many.length));
        homes.set(FOLLOWER, Timeline.ofNewestFirst(new long[] {5}, 1));
        member.getJet().newJob(FollowBackfillPipeline.build("following", "pull", "authors", "homes"));
    }

    @AfterEach
    void stop() {
        factory.shutdownAll();
    }

    @Test
    void should_merge_a_followed_accounts_tweets_into_the_feed() {
        following.set(FOLLOWER, FollowList.EMPTY.with(FOLLOWEE, 100));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(homes.get(FOLLOWER).toArray()).containsExactly(30, 20, 10, 5));
    }

    @Test
    void should_take_an_unfollowed_accounts_tweets_out_again() {
        following.set(FOLLOWER, FollowList.EMPTY.with(FOLLOWEE, 100));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(homes.get(FOLLOWER).size()).isEqualTo(4));
        following.set(FOLLOWER, FollowList.EMPTY);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(homes.get(FOLLOWER).toArray()).containsExactly(5));
    }

    /**
     * A follow's backfill can run after a repost by another followed account reached the feed (the follow is answered
     * before its backfill runs): the feed's repost rules hold for what the backfill brings.
     */
    @Test
    void should_backfill_reposts_by_the_feeds_repost_rules() {
        long reader = 6;
        long reposter = 7;
        Timeline reposterTweets = Timeline.ofNewestFirst(new long[] {90, 80, 70}, 3);
        reposterTweets.markRepost(90, 11); // a repost of 11, which the feed already shows reposted
        reposterTweets.markRepost(80, 12); // a repost of 12, whose original is near the feed's top
        reposterTweets.markRepost(70, 13); // a repost of 13, new to the feed
        authors.set(reposter, reposterTweets);
        homes.set(reader, Timeline.withRepostRules(new long[] {60, 50, 12}, Map.of(60L, 11L)));

        following.set(reader, FollowList.EMPTY.with(reposter, 100));

        await().atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(homes.get(reader).toArray()).containsExactly(70, 60, 50, 12));
        assertThat(homes.get(reader).originalOf(70)).isEqualTo(13);
    }

    @Test
    void should_backfill_at_most_200_tweets() {
        following.set(FOLLOWER, FollowList.EMPTY.with(PROLIFIC, 100));
        await().atMost(EVENTUALLY)
                .untilAsserted(() ->
                        assertThat(homes.get(FOLLOWER).size()).isEqualTo(FollowBackfillPipeline.BACKFILL_TWEETS + 1));
        assertThat(homes.get(FOLLOWER).get(0)).isEqualTo(1_000);
    }

    @Test
    void should_leave_a_feed_that_is_not_in_memory_alone() {
        following.set(AWAY_FOLLOWER, FollowList.EMPTY.with(FOLLOWEE, 100));
        following.set(FOLLOWER, FollowList.EMPTY.with(FOLLOWEE, 101));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(homes.get(FOLLOWER).size()).isEqualTo(4));
        assertThat(homes.containsKey(AWAY_FOLLOWER)).isFalse();
    }

    private static Config config() {
        Config config = new Config();
        config.getJetConfig().setEnabled(true);
        config.addMapConfig(new MapConfig("following")
                .setInMemoryFormat(InMemoryFormat.OBJECT)
                .setEventJournalConfig(new EventJournalConfig().setEnabled(true).setCapacity(10_000)));
        config.addMapConfig(new MapConfig("homes").setInMemoryFormat(InMemoryFormat.OBJECT));
        config.addMapConfig(new MapConfig("authors").setInMemoryFormat(InMemoryFormat.OBJECT));
        DomainSerializers.registerAll(config.getSerializationConfig().getCompactSerializationConfig());
        return config;
    }
}
