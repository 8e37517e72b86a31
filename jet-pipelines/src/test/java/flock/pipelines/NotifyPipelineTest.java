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
import flock.domain.engagement.LikeEvent;
import flock.domain.graph.FollowList;
import flock.domain.notification.Inbox;
import flock.domain.notification.NotificationGroup;
import flock.domain.notification.NotificationKind;
import flock.domain.safety.MuteList;
import flock.domain.serialization.DomainSerializers;
import flock.domain.tweet.Tweet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotifyPipelineTest {
    private static final Duration EVENTUALLY = Duration.ofMinutes(1);
    private static final long ALICE = 1;
    private static final long BOB = 2;
    private static final long CAROL = 3;
    private static final long MALLORY = 4;

    /** Ids that carry a time, as flake ids do (2026). */
    private static long id(long n) {
        return (280_000_000_000L << 22) + n;
    }

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(1);
    private IMap<Long, Tweet> tweets;
    private IMap<Long, LikeEvent> likeEvents;
    private IMap<Long, FollowList> following;
    private IMap<Long, FollowList> blocking;
    private IMap<Long, MuteList> muting;
    private IMap<Long, Inbox> inboxes;

    @BeforeEach
    void start() {
        HazelcastInstance member = factory.newHazelcastInstance(config());
        tweets = member.getMap("tweets");
        likeEvents = member.getMap("like_events");
        following = member.getMap("following");
        blocking = member.getMap("blocking");
        muting = member.getMap("muting");
        inboxes = member.getMap("inboxes");
        member.getJet()
                .newJob(NotifyPipeline.build(new NotifyPipeline.Maps(
                        "tweets", "like_events", "following", "blocking", "muting", "inboxes")));
    }

    @AfterEach
    void stop() {
        factory.shutdownAll();
    }

    @Test
    void should_tell_the_author_of_replies_quotes_reposts_and_mentions_but_not_of_their_own() {
        Tweet original = new Tweet(id(1), ALICE, "hello", 0, new long[0]);
        tweets.set(original.id(), original);
        tweets.set(id(2), Tweet.replyTo(original, id(2), BOB, "hi", 0, new long[0]));
        tweets.set(id(3), Tweet.quoting(original, id(3), CAROL, "look", 0, new long[0]));
        tweets.set(id(4), Tweet.repostOf(original, id(4), BOB, 0));
        tweets.set(id(5), new Tweet(id(5), CAROL, "@alice @alice @bob", 0, new long[0]).withMentions(new long[] {
                    ALICE, ALICE, BOB
                }));
        tweets.set(id(6), Tweet.replyTo(original, id(6), ALICE, "me again", 0, new long[0]));

        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(kinds(ALICE))
                .containsExactly(
                        NotificationKind.MENTION,
                        NotificationKind.REPOST,
                        NotificationKind.QUOTE,
                        NotificationKind.REPLY));
        List<NotificationGroup> alice = inboxes.get(ALICE).groups();
        assertThat(alice.get(0).subject()).isEqualTo(id(5));
        assertThat(alice.get(1).subject()).isEqualTo(original.id());
        assertThat(alice.get(1).actors()).containsExactly(BOB);
        assertThat(alice.get(2).subject()).isEqualTo(id(3));
        assertThat(kinds(BOB)).containsExactly(NotificationKind.MENTION);
    }

    @Test
    void should_group_likes_of_a_tweet_and_skip_its_authors_own() {
        tweets.set(id(1), new Tweet(id(1), ALICE, "hello", 0, new long[0]));
        for (long liker : new long[] {BOB, CAROL, ALICE, MALLORY}) {
            like(liker, id(1), id(10 + liker));
        }

        await().atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(inboxes.get(ALICE)).isNotNull());
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(countOfNewest(ALICE)).isEqualTo(3));
        NotificationGroup likes = inboxes.get(ALICE).group(0);
        assertThat(inboxes.get(ALICE).size()).isEqualTo(1);
        assertThat(likes.kind()).isEqualTo(NotificationKind.LIKE);
        assertThat(likes.actors()).containsExactlyInAnyOrder(MALLORY, CAROL, BOB); // likes arrive in any order
        assertThat(likes.actors()[0]).as("the newest like's account first").isEqualTo(MALLORY);
        assertThat(likes.id()).isEqualTo(id(10 + MALLORY));
    }

    @Test
    void should_group_follows_by_hour_and_ignore_blocked_and_muted_accounts() {
        blocking.set(ALICE, FollowList.EMPTY.with(MALLORY, id(1)));
        muting.set(ALICE, MuteList.EMPTY.with(CAROL, id(2), MuteList.FOREVER, 0));
        following.set(MALLORY, FollowList.EMPTY.with(ALICE, id(20)));
        following.set(CAROL, FollowList.EMPTY.with(ALICE, id(21)));
        following.set(BOB, FollowList.EMPTY.with(ALICE, id(22)));
        following.set(4242L, FollowList.EMPTY.with(ALICE, id(23)));

        await().atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(countOfNewest(ALICE)).isEqualTo(2));
        NotificationGroup follows = inboxes.get(ALICE).group(0);
        assertThat(follows.kind()).isEqualTo(NotificationKind.FOLLOW);
        assertThat(follows.actors()).containsExactlyInAnyOrder(4242L, BOB);
    }

    @Test
    void should_take_back_the_notifications_of_a_deleted_tweet() {
        Tweet original = new Tweet(id(1), ALICE, "hello", 0, new long[0]);
        tweets.set(original.id(), original);
        tweets.set(
                id(2),
                Tweet.replyTo(original, id(2), BOB, "@carol hi", 0, new long[0]).withMentions(new long[] {CAROL}));
        like(BOB, id(1), id(3));
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            assertThat(kinds(ALICE)).containsExactly(NotificationKind.LIKE, NotificationKind.REPLY);
            assertThat(kinds(CAROL)).containsExactly(NotificationKind.MENTION);
        });

        tweets.delete(id(2));

        await().atMost(EVENTUALLY).untilAsserted(() -> {
            assertThat(kinds(ALICE)).containsExactly(NotificationKind.LIKE);
            assertThat(kinds(CAROL)).isEmpty();
        });
        tweets.delete(id(1));
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(kinds(ALICE)).isEmpty());
    }

    private void like(long liker, long tweetId, long likeId) {
        likeEvents.set(likeId, new LikeEvent(tweetId, liker));
    }

    private int countOfNewest(long userId) {
        Inbox inbox = inboxes.get(userId);
        return inbox == null || inbox.size() == 0 ? 0 : inbox.group(0).count();
    }

    private List<NotificationKind> kinds(long userId) {
        Inbox inbox = inboxes.get(userId);
        return inbox == null
                ? List.of()
                : inbox.groups().stream().map(NotificationGroup::kind).toList();
    }

    private static Config config() {
        Config config = new Config();
        config.getJetConfig().setEnabled(true);
        for (String journaled : List.of("tweets", "like_events", "following")) {
            config.addMapConfig(new MapConfig(journaled)
                    .setInMemoryFormat(InMemoryFormat.OBJECT)
                    .setEventJournalConfig(
                            new EventJournalConfig().setEnabled(true).setCapacity(10_000)));
        }
        for (String plain : List.of("blocking", "muting", "inboxes")) {
            config.addMapConfig(new MapConfig(plain).setInMemoryFormat(InMemoryFormat.OBJECT));
        }
        DomainSerializers.registerAll(config.getSerializationConfig().getCompactSerializationConfig());
        return config;
    }
}
