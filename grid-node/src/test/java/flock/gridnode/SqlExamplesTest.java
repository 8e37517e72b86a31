package flock.gridnode;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.sql.SqlResult;
import com.hazelcast.sql.SqlRow;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import flock.analytics.ExampleQueries;
import flock.domain.MapNames;
import flock.domain.account.User;
import flock.domain.engagement.BucketKey;
import flock.domain.engagement.BucketSize;
import flock.domain.engagement.EdgeBucket;
import flock.domain.engagement.LikeList;
import flock.domain.engagement.TweetStats;
import flock.domain.graph.ChunkIndex;
import flock.domain.graph.FollowList;
import flock.domain.graph.FollowerChunkKey;
import flock.domain.notification.Inbox;
import flock.domain.notification.NotificationKind;
import flock.domain.safety.MuteList;
import flock.domain.tweet.Tweet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The analysts' example queries ({@link ExampleQueries}, shown in docs/sql.md), over the mappings every member creates, on
 * data this test wrote: each answer is checked against what the test knows it put in. The queries measure time from
 * a moment given as a parameter; the test places its tweets relative to its own.
 */
class SqlExamplesTest {
    private static final long MINUTE = 60_000;

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(1);
    private static final long NOW = 1_795_900_000_000L; // a fixed "now", so every time below is exact
    private final List<Long> lastHour = new ArrayList<>();
    private HazelcastInstance member;

    @BeforeEach
    void start() {
        Config config = MemberConfig.load(MemberSettings.from(key -> null));
        MemberConfig.disableMapStores(config);
        member = factory.newHazelcastInstance(config);
        SqlMappings.create(member);
        SqlMappings.create(member); // idempotent: a second member starting does the same
        var users = member.<Long, User>getMap(MapNames.USERS);
        users.set(1L, new User(1, "ann", "Ann", NOW - 100 * MINUTE));
        users.set(2L, new User(2, "bob", "Bob", NOW - 100 * MINUTE));
        users.set(3L, new User(3, "cyd", "Cyd", NOW - 100 * MINUTE));
        users.set(4L, new User(4, "dee", "Dee", NOW - 100 * MINUTE));
        users.set(5L, new User(5, "eve", "Eve", NOW - 100 * MINUTE));
        // ann: 3 in the last hour; bob: 1 in the last hour, 1 before; cyd: 1 two days ago
        post(100, 1, NOW - 5 * MINUTE);
        post(101, 1, NOW - 5 * MINUTE + 1);
        post(102, 1, NOW - 30 * MINUTE);
        post(103, 2, NOW - 5 * MINUTE + 2);
        post(104, 2, NOW - 90 * MINUTE);
        post(105, 3, NOW - 48 * 60 * MINUTE);
        // followers: ann 2, bob 1, cyd none (no list), dee 0 (everyone unfollowed), eve 12 (a head of 7, a chunk of 5)
        var followers = member.<Long, FollowList>getMap(MapNames.FOLLOWERS);
        followers.set(1L, followList(2, 3));
        followers.set(2L, followList(1));
        followers.set(4L, FollowList.EMPTY);
        FollowList eveHead = followList(10, 11, 12, 13, 14, 15, 16);
        followers.set(
                5L, new FollowList(eveHead.userIds(), eveHead.edgeIds(), new ChunkIndex(new long[] {1000}, 1004, 5)));
        member.<FollowerChunkKey, FollowList>getMap(MapNames.FOLLOWER_CHUNKS)
                .set(new FollowerChunkKey(5, 1), followList(20, 21, 22, 23, 24));
    }

    private void post(long id, long author, long createdAt) {
        member.<Long, Tweet>getMap(MapNames.TWEETS)
                .set(id, new Tweet(id, author, "tweet " + id, createdAt, new long[0]));
        if (createdAt > NOW - 60 * MINUTE) {
            lastHour.add(createdAt);
        }
    }

    /** A follow list of these users, their edge ids in the same order. */
    private static FollowList followList(long... userIds) {
        return new FollowList(userIds, userIds.clone());
    }

    @AfterEach
    void stop() {
        factory.shutdownAll();
    }

    @Test
    void should_list_the_top_posters_of_the_last_hour() {
        assertThat(query(ExampleQueries.TOP_POSTERS)).containsExactly("ann 3", "bob 1");
    }

    @Test
    void should_count_tweets_per_minute() {
        Map<Long, Integer> perMinute = new TreeMap<>();
        lastHour.forEach(at -> perMinute.merge(at / MINUTE * MINUTE, 1, Integer::sum));
        List<String> expected = new ArrayList<>();
        perMinute.forEach((minute, count) -> expected.add(minute + " " + count));

        // minute_start is a timestamp with a time zone; compared here as the instant it names
        List<String> rows = query(ExampleQueries.TWEETS_PER_MINUTE).stream()
                .map(row -> row.split(" "))
                .map(cells -> OffsetDateTime.parse(cells[0]).toInstant().toEpochMilli() + " " + cells[1])
                .toList();
        assertThat(rows).containsExactlyElementsOf(expected);
        assertThat(expected).as("the minutes with tweets in the last hour").hasSize(2);
    }

    @Test
    void should_count_users_active_today() {
        assertThat(query(ExampleQueries.ACTIVE_TODAY)).containsExactly("2");
    }

    @Test
    void should_bucket_accounts_by_follower_count() {
        assertThat(query(ExampleQueries.FOLLOWER_BUCKETS)).containsExactly("0 2", "1-9 2", "10-99 1");
    }

    @Test
    void should_list_the_most_followed_accounts() {
        assertThat(query(ExampleQueries.MOST_FOLLOWED)).containsExactly("eve 12", "ann 2", "bob 1", "dee 0");
    }

    @Test
    void should_list_the_most_liked_tweets_of_the_last_hour_and_map_the_likes() {
        var stats = member.<Long, TweetStats>getMap(MapNames.TWEET_STATS);
        stats.set(
                100L,
                TweetStats.empty().withLikeBucket(0, new BucketSize(2, 2)).withLikeBucket(5, new BucketSize(1, 1)));
        stats.set(103L, TweetStats.empty().withLikeBucket(3, new BucketSize(5, 9)));
        stats.set(104L, TweetStats.empty().withLikeBucket(3, new BucketSize(9, 9))); // posted before the last hour
        stats.set(101L, TweetStats.empty().withLikeBucket(3, new BucketSize(0, 2))); // liked and unliked
        member.<BucketKey, EdgeBucket>getMap(MapNames.LIKERS)
                .set(
                        new BucketKey(103L, 3),
                        EdgeBucket.EMPTY.apply(7, 70, 1, true, 0).apply(8, 80, 1, true, 0));
        member.<Long, LikeList>getMap(MapNames.LIKES).set(7L, new LikeList(4, new long[] {103}, new long[] {70}));

        assertThat(query(ExampleQueries.MOST_LIKED)).containsExactly("103 bob 5 tweet 103", "100 ann 3 tweet 100");
        assertThat(query(new ExampleQueries.Example("likers", "", "SELECT tweet_id, bucket, likers FROM likers", 0)))
                .containsExactly("103 3 2");
        assertThat(query(new ExampleQueries.Example("likes", "", "SELECT __key, liked, version FROM likes", 0)))
                .containsExactly("7 1 4");
    }

    @Test
    void should_list_the_accounts_with_the_most_unread_notifications_and_map_mutes() {
        var inboxes = member.<Long, Inbox>getMap(MapNames.NOTIFICATIONS);
        inboxes.set(
                1L,
                Inbox.EMPTY
                        .with(NotificationKind.MENTION, 100, 2, 1_000, NOW)
                        .with(NotificationKind.LIKE, 101, 3, 1_001, NOW)
                        .with(NotificationKind.LIKE, 101, 4, 1_002, NOW));
        inboxes.set(
                2L,
                Inbox.EMPTY
                        .with(NotificationKind.FOLLOW, 0, 1, 2_000, NOW)
                        .with(NotificationKind.REPLY, 102, 3, 2_001, NOW)
                        .with(NotificationKind.MENTION, 103, 3, 2_002, NOW)
                        .with(NotificationKind.MENTION, 104, 3, 2_003, NOW)
                        .markedRead(2_000));
        inboxes.set(
                3L, Inbox.EMPTY.with(NotificationKind.FOLLOW, 0, 1, 3_000, NOW).markedRead(3_000));
        member.<Long, MuteList>getMap(MapNames.MUTING)
                .set(4L, MuteList.EMPTY.with(1, 10, MuteList.FOREVER, NOW).with(2, 11, MuteList.FOREVER, NOW));

        assertThat(query(ExampleQueries.MOST_UNREAD)).containsExactly("bob 3 4", "ann 2 2");
        assertThat(query(new ExampleQueries.Example("muting", "", "SELECT __key, mutes FROM muting", 0)))
                .containsExactly("4 2");
    }

    @Test
    void should_read_recent_tweets_through_the_index_on_their_time() {
        String plan = String.join(
                " ",
                query(new ExampleQueries.Example(
                        "plan",
                        "",
                        "EXPLAIN " + ExampleQueries.TWEETS_PER_MINUTE.sql(),
                        ExampleQueries.TWEETS_PER_MINUTE.window())));

        assertThat(plan).contains("IndexScanMapPhysicalRel").contains("tweets_sorted_createdAt");
    }

    private List<String> query(ExampleQueries.Example example) {
        List<String> rows = new ArrayList<>();
        try (SqlResult result = member.getSql().execute(example.sql(), example.parameters(NOW))) {
            for (SqlRow row : result) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getMetadata().getColumnCount(); i++) {
                    cells.add(String.valueOf((Object) row.getObject(i)));
                }
                rows.add(String.join(" ", cells));
            }
        }
        return rows;
    }
}
