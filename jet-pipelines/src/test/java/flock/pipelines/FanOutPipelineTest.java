package flock.pipelines;

import static com.hazelcast.test.HazelcastTestSupport.assertTrueAllTheTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.map.IMap;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import flock.domain.MapNames;
import flock.domain.engagement.BucketKey;
import flock.domain.engagement.EdgeBucket;
import flock.domain.engagement.LikeList;
import flock.domain.engagement.TweetStats;
import flock.domain.graph.ChunkIndex;
import flock.domain.graph.FollowList;
import flock.domain.graph.FollowerChunkKey;
import flock.domain.serialization.DomainSerializers;
import flock.domain.timeline.Timeline;
import flock.domain.tweet.Tweet;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FanOutPipelineTest {
    /** How long an asynchronous outcome may take on a busy 2-core machine before the test fails. */
    private static final Duration EVENTUALLY = Duration.ofMinutes(2);

    private static final FanOutPipeline.Maps MAPS = new FanOutPipeline.Maps(
            "tweets",
            "pull",
            "followers",
            "chunks",
            "homes",
            "following",
            "replies",
            "quotes",
            "reposts",
            "reposted",
            "timelines",
            "stats");

    private static final long AUTHOR = 1;
    private static final long ACTIVE_FOLLOWER = 2;
    private static final long OTHER_ACTIVE_FOLLOWER = 3;
    private static final long INACTIVE_FOLLOWER = 4;

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(2);
    private HazelcastInstance member;
    private IMap<Long, Tweet> tweets;
    private IMap<Long, FollowList> followers;
    private IMap<Long, Timeline> homes;

    @BeforeEach
    void start_two_members_and_the_job() {
        member = factory.newHazelcastInstance(config());
        factory.newHazelcastInstance(config());
        tweets = member.getMap("tweets");
        followers = member.getMap("followers");
        homes = member.getMap("homes");
        followers.set(
                AUTHOR,
                FollowList.EMPTY
                        .with(ACTIVE_FOLLOWER, 10)
                        .with(OTHER_ACTIVE_FOLLOWER, 11)
                        .with(INACTIVE_FOLLOWER, 12));
        homes.set(AUTHOR, Timeline.empty());
        homes.set(ACTIVE_FOLLOWER, Timeline.empty());
        homes.set(OTHER_ACTIVE_FOLLOWER, Timeline.empty());
        member.getJet().newJob(FanOutPipeline.build(MAPS), FanOutPipeline.jobConfig(FanOutPipeline.SNAPSHOT_INTERVAL));
    }

    @AfterEach
    void stop() {
        factory.shutdownAll();
    }

    @Test
    void should_push_a_new_tweet_to_the_author_and_every_cached_follower_feed() {
        tweets.set(100L, tweet(100));
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            assertThat(homes.get(ACTIVE_FOLLOWER).toArray()).containsExactly(100);
            assertThat(homes.get(OTHER_ACTIVE_FOLLOWER).toArray()).containsExactly(100);
            assertThat(homes.get(AUTHOR).toArray()).containsExactly(100);
        });
        assertThat(homes.containsKey(INACTIVE_FOLLOWER))
                .as("a feed not in memory is rebuilt on read, not created")
                .isFalse();
    }

    /** A burst from many small accounts: each feed gets exactly the tweets of the accounts it follows. */
    @Test
    void should_give_every_feed_exactly_its_followed_accounts_tweets_in_a_burst_of_many_authors() {
        int authors = 40;
        int fans = 60;
        java.util.Map<Long, Timeline> feeds = new java.util.HashMap<>();
        for (long fan = 1_001; fan <= 1_000 + fans; fan++) {
            feeds.put(fan, Timeline.empty());
        }
        homes.putAll(feeds);
        for (long author = 101; author <= 100 + authors; author++) {
            FollowList list = FollowList.EMPTY;
            for (long fan = 1_001; fan <= 1_000 + fans; fan++) {
                if ((fan + author) % 3 == 0) { // each fan follows a third of the authors
                    list = list.with(fan, fan * 1_000 + author);
                }
            }
            followers.set(author, list);
        }
        java.util.Map<Long, Tweet> burst = new java.util.HashMap<>();
        for (long author = 101; author <= 100 + authors; author++) {
            for (int n = 0; n < 5; n++) {
                long id = author * 100 + n;
                burst.put(id, new Tweet(id, author, "burst", 0, new long[0]));
            }
        }
        tweets.putAll(burst);

        await().atMost(EVENTUALLY).untilAsserted(() -> {
            for (long fan = 1_001; fan <= 1_000 + fans; fan++) {
                long followed = fan;
                long[] expected = burst.keySet().stream()
                        .filter(id -> (followed + id / 100) % 3 == 0)
                        .sorted(java.util.Comparator.reverseOrder())
                        .mapToLong(Long::longValue)
                        .toArray();
                assertThat(homes.get(fan).toArray()).as("feed " + fan).containsExactly(expected);
            }
        });
    }

    @Test
    void should_measure_the_lag_of_each_batch_and_count_the_feed_updates() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.globalRegistry.add(registry);
        try {
            tweets.set(100L, new Tweet(100, AUTHOR, "timed", System.currentTimeMillis(), new long[0]));
            await().atMost(EVENTUALLY).untilAsserted(() -> {
                assertThat(registry.get("flock.fanout.lag").timer().count()).isEqualTo(1);
                assertThat(registry.get("flock.fanout.timeline.updates")
                                .counter()
                                .count())
                        .as("the author and three followers")
                        .isEqualTo(4.0);
            });
            assertThat(homes.get(ACTIVE_FOLLOWER).toArray()).containsExactly(100);
        } finally {
            Metrics.globalRegistry.remove(registry);
        }
    }

    @Test
    void should_push_to_the_followers_in_every_chunk_of_a_split_follower_list() {
        long bigAuthor = 50;
        long[] chunkFollowers = {51, 52, 53, 54, 55};
        // Head holds follower 2; chunk 1 holds 51-52, chunk 2 holds 53-55 (their edges lie in each range).
        followers.set(
                bigAuthor,
                new FollowList(
                        new long[] {ACTIVE_FOLLOWER}, new long[] {10}, new ChunkIndex(new long[] {20, 30}, 34, 3)));
        IMap<FollowerChunkKey, FollowList> chunks = member.getMap("chunks");
        chunks.set(
                new FollowerChunkKey(bigAuthor, 1),
                FollowList.EMPTY.with(51, 20).with(52, 21));
        chunks.set(
                new FollowerChunkKey(bigAuthor, 2),
                FollowList.EMPTY.with(53, 30).with(54, 31).with(55, 34));
        homes.set(bigAuthor, Timeline.empty());
        for (long follower : chunkFollowers) {
            homes.set(follower, Timeline.empty());
        }
        tweets.set(200L, new Tweet(200, bigAuthor, "to everyone", 0, new long[0]));
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            assertThat(homes.get(bigAuthor).toArray()).containsExactly(200);
            assertThat(homes.get(ACTIVE_FOLLOWER).toArray()).containsExactly(200);
            for (long follower : chunkFollowers) {
                assertThat(homes.get(follower).toArray())
                        .as("follower " + follower)
                        .containsExactly(200);
            }
        });
    }

    @Test
    void should_take_a_deleted_tweet_out_of_every_feed() {
        tweets.set(100L, tweet(100));
        tweets.set(101L, tweet(101));
        await().atMost(EVENTUALLY)
                .untilAsserted(
                        () -> assertThat(homes.get(ACTIVE_FOLLOWER).toArray()).containsExactly(101, 100));
        tweets.remove(100L);
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            assertThat(homes.get(ACTIVE_FOLLOWER).toArray()).containsExactly(101);
            assertThat(homes.get(AUTHOR).toArray()).containsExactly(101);
        });
    }

    @Test
    void should_push_a_pulled_authors_tweet_only_into_the_authors_own_feed() {
        member.<Long, String>getMap("pull").set(AUTHOR, MapNames.PULL);
        tweets.set(100L, tweet(100));
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(homes.get(AUTHOR).toArray()).containsExactly(100));
        assertTrueAllTheTime(
                () -> {
                    assertThat(homes.get(ACTIVE_FOLLOWER).toArray()).isEmpty();
                    assertThat(homes.get(OTHER_ACTIVE_FOLLOWER).toArray()).isEmpty();
                },
                2);
    }

    @Test
    void should_still_push_while_an_author_is_migrating_to_pull() {
        member.<Long, String>getMap("pull").set(AUTHOR, MapNames.PULL_MIGRATING);
        tweets.set(100L, tweet(100));
        await().atMost(EVENTUALLY)
                .untilAsserted(
                        () -> assertThat(homes.get(ACTIVE_FOLLOWER).toArray()).containsExactly(100));
    }

    @Test
    void should_not_duplicate_entries_when_the_journal_is_replayed() {
        tweets.set(100L, tweet(100));
        tweets.set(101L, tweet(101));
        await().atMost(EVENTUALLY)
                .untilAsserted(
                        () -> assertThat(homes.get(ACTIVE_FOLLOWER).size()).isEqualTo(2));
        // A second job reads the whole journal again from the oldest event, as a restarted job would.
        member.getJet().newJob(FanOutPipeline.build(MAPS), new JobConfig().setName("replay"));
        tweets.set(102L, tweet(102));
        await().atMost(EVENTUALLY)
                .untilAsserted(
                        () -> assertThat(homes.get(ACTIVE_FOLLOWER).toArray()).containsExactly(102, 101, 100));
        assertThat(homes.get(OTHER_ACTIVE_FOLLOWER).toArray()).containsExactly(102, 101, 100);
    }

    /**
     * Mastodon's home rule: a reply to someone else reaches the replier's followers who also follow the account replied
     * to (and that account, if it follows the replier); a reply to oneself, a thread, reaches every follower. Each
     * reply is counted in its parent's counts, and uncounted once deleted.
     */
    @Test
    void should_push_a_reply_only_to_followers_of_both_and_count_it_in_its_parent() {
        long repliedTo = 50;
        IMap<Long, FollowList> following = member.getMap("following");
        following.set(ACTIVE_FOLLOWER, FollowList.EMPTY.with(AUTHOR, 20).with(repliedTo, 21));
        following.set(OTHER_ACTIVE_FOLLOWER, FollowList.EMPTY.with(AUTHOR, 22));
        followers.set(AUTHOR, followers.get(AUTHOR).with(repliedTo, 13));
        homes.set(repliedTo, Timeline.empty());
        Tweet parent = new Tweet(90, repliedTo, "parent", 0, new long[0]);
        tweets.set(100L, Tweet.replyTo(parent, 100, AUTHOR, "a reply", 0, new long[0]));
        tweets.set(101L, tweet(101));
        tweets.set(102L, Tweet.replyTo(tweet(101), 102, AUTHOR, "a thread goes on", 0, new long[0]));

        IMap<Long, TweetStats> stats = member.getMap("stats");
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            assertThat(homes.get(ACTIVE_FOLLOWER).toArray()).as("follows both").containsExactly(102, 101, 100);
            assertThat(homes.get(OTHER_ACTIVE_FOLLOWER).toArray())
                    .as("does not follow the account replied to")
                    .containsExactly(102, 101);
            assertThat(homes.get(repliedTo).toArray())
                    .as("the account replied to")
                    .containsExactly(102, 101, 100);
            assertThat(homes.get(AUTHOR).toArray()).as("the replier").containsExactly(102, 101, 100);
            assertThat(stats.get(90L).replies()).isEqualTo(1);
            assertThat(stats.get(101L).replies()).isEqualTo(1);
        });
        IMap<BucketKey, EdgeBucket> replies = member.getMap("replies");
        assertThat(replies.get(BucketKey.of(90, 100)).actorIds()).containsExactly(100);

        tweets.remove(100L);
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            assertThat(stats.get(90L).replies()).as("a deleted reply").isZero();
            assertThat(homes.get(ACTIVE_FOLLOWER).toArray()).containsExactly(102, 101);
        });
        assertThat(replies.get(BucketKey.of(90, 100)).size()).isZero();
    }

    /**
     * A repost shows once in a feed however many accounts followed repost it, counts in its original's reposts, and
     * leaves with its original: deleting the original deletes its reposts, from feeds, timelines and lists.
     */
    @Test
    void should_show_a_repost_once_count_it_and_take_it_away_with_its_original() {
        long otherReposter = 61;
        followers.set(otherReposter, FollowList.EMPTY.with(ACTIVE_FOLLOWER, 30));
        Tweet original = new Tweet(90, 60, "worth a repost", 0, new long[0]);
        tweets.set(90L, original);
        IMap<Long, Timeline> timelines = member.getMap("timelines");
        IMap<Long, LikeList> reposted = member.getMap("reposted");
        Timeline authorTimeline = Timeline.empty();
        authorTimeline.insert(100);
        timelines.set(AUTHOR, authorTimeline);
        reposted.set(AUTHOR, new LikeList(1, new long[] {90}, new long[] {100}));
        tweets.set(100L, Tweet.repostOf(original, 100, AUTHOR, 0));
        await().atMost(EVENTUALLY)
                .untilAsserted(
                        () -> assertThat(homes.get(ACTIVE_FOLLOWER).toArray()).containsExactly(100));
        tweets.set(101L, Tweet.repostOf(original, 101, otherReposter, 0));

        IMap<Long, TweetStats> stats = member.getMap("stats");
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(stats.get(90L).reposts()).isEqualTo(2));
        assertThat(homes.get(ACTIVE_FOLLOWER).toArray())
                .as("the second account's repost of the same tweet")
                .containsExactly(100);
        assertThat(homes.get(OTHER_ACTIVE_FOLLOWER).toArray()).containsExactly(100);

        tweets.remove(90L);
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            assertThat(tweets.containsKey(100L))
                    .as("the reposts are deleted with their original")
                    .isFalse();
            assertThat(tweets.containsKey(101L)).isFalse();
            assertThat(homes.get(ACTIVE_FOLLOWER).toArray()).isEmpty();
            assertThat(homes.get(OTHER_ACTIVE_FOLLOWER).toArray()).isEmpty();
            assertThat(timelines.get(AUTHOR).contains(100)).isFalse();
            assertThat(reposted.get(AUTHOR).edgeOf(90)).isZero();
        });
    }

    private static Tweet tweet(long id) {
        return new Tweet(id, AUTHOR, "tweet " + id, 0, new long[0]);
    }

    private static Config config() {
        Config config = new Config();
        config.getJetConfig().setEnabled(true);
        config.addMapConfig(new MapConfig("tweets")
                .setEventJournalConfig(new com.hazelcast.config.EventJournalConfig()
                        .setEnabled(true)
                        .setCapacity(10_000)));
        config.addMapConfig(new MapConfig("homes").setInMemoryFormat(InMemoryFormat.OBJECT));
        config.addMapConfig(new MapConfig("followers").setInMemoryFormat(InMemoryFormat.OBJECT));
        DomainSerializers.registerAll(config.getSerializationConfig().getCompactSerializationConfig());
        return config;
    }
}
