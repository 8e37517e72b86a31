package flock.mapstores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.internal.core.context.InternalDriverContext;
import com.hazelcast.config.MapConfig;
import flock.domain.FlakeIds;
import flock.domain.MapNames;
import flock.domain.account.Credential;
import flock.domain.account.User;
import flock.domain.engagement.BucketKey;
import flock.domain.engagement.BucketSize;
import flock.domain.engagement.Counted;
import flock.domain.engagement.EdgeBucket;
import flock.domain.engagement.LikeList;
import flock.domain.engagement.TweetStats;
import flock.domain.graph.ChunkIndex;
import flock.domain.graph.FollowList;
import flock.domain.graph.FollowerChunkKey;
import flock.domain.media.Media;
import flock.domain.notification.Inbox;
import flock.domain.notification.NotificationKind;
import flock.domain.safety.MuteList;
import flock.domain.timeline.Timeline;
import flock.domain.tweet.Tweet;
import flock.testkit.CassandraServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every store against a real Cassandra: what is stored is what comes back, deletes really delete. */
class MapStoresIT {
    private static CqlSession session;
    private static FlockMapStoreFactory factory;

    @BeforeAll
    static void connect() {
        CassandraConfig config = CassandraConfig.fromMap(
                Map.of("contact-points", CassandraServer.shared().contactPoint(), "keyspace", "mapstores_it"));
        session = CassandraSessions.open(config, Duration.ofMinutes(2));
        factory = new FlockMapStoreFactory(session);
    }

    @AfterAll
    static void close() {
        session.close();
    }

    @Test
    void should_create_every_column_and_refuse_a_session_that_would_wait_a_second_a_statement() {
        long columns = session
                .execute("SELECT column_name FROM system_schema.columns"
                        + " WHERE keyspace_name = 'mapstores_it' AND table_name = 'tweet_stats'")
                .all()
                .stream()
                .filter(row -> row.getString(0).equals("buckets"))
                .count();
        assertThat(columns).isOne();
        // The stores' session keeps schema metadata; DDL through it would refresh it after every statement.
        assertThatThrownBy(() -> Schema.create(session, CassandraConfig.fromMap(Map.of("keyspace", "mapstores_it"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without schema metadata");
    }

    @SuppressWarnings("unchecked")
    private static <K, V> CassandraMapStore<K, V> store(String map) {
        return (CassandraMapStore<K, V>) (Object) factory.newMapStore(map, null);
    }

    @Test
    void should_store_and_load_a_user_and_its_handle_and_credential() {
        CassandraMapStore<Long, User> users = store(MapNames.USERS);
        CassandraMapStore<String, Long> handles = store(MapNames.HANDLES);
        CassandraMapStore<Long, Credential> credentials = store(MapNames.CREDENTIALS);
        User user = new User(11L, "Alice", "Alice A.", 1_700_000_000_123L);
        users.storeAll(Map.of(11L, user));
        handles.store("alice", 11L);
        byte[] hash = new byte[Credential.HASH_LENGTH];
        hash[0] = 7;
        credentials.store(11L, new Credential(11L, hash));

        assertThat(users.load(11L)).isEqualTo(user);
        assertThat(handles.load("alice")).isEqualTo(11L);
        assertThat(credentials.load(11L).tokenHash()).isEqualTo(hash);
        assertThat(users.load(12L)).isNull();
        users.delete(11L);
        assertThat(users.load(11L)).isNull();
    }

    @Test
    void should_write_only_the_difference_of_a_follow_list_and_load_it_in_follow_order() {
        CassandraMapStore<Long, FollowList> following = store(MapNames.FOLLOWING);
        FollowList first = FollowList.EMPTY.with(201, 1_000).with(202, 1_001).with(203, 1_002);
        following.store(21L, first);
        assertThat(following.load(21L)).isEqualTo(first);

        FollowList changed = first.without(202).with(204, 1_003);
        following.store(21L, changed);
        assertThat(following.load(21L)).isEqualTo(changed);
        assertThat(following.load(21L).userIds()).containsExactly(201, 203, 204);

        following.store(21L, FollowList.EMPTY);
        assertThat(following.load(21L)).isNull();
    }

    @Test
    void should_keep_an_accounts_likes_with_their_version_and_load_an_account_without_any_as_empty() {
        CassandraMapStore<Long, LikeList> likes = store(MapNames.LIKES);
        LikeList sorted = new LikeList(5, new long[] {100, 200, 300}, new long[] {3_000, 3_001, 3_002});
        likes.store(31L, sorted);
        LikeList loaded = likes.load(31L);
        assertThat(loaded.version()).isEqualTo(5);
        assertThat(loaded.tweetIds()).containsExactly(100, 200, 300);
        assertThat(loaded.edgeIds()).containsExactly(3_000, 3_001, 3_002);

        likes.store(31L, new LikeList(6, new long[] {100, 300}, new long[] {3_000, 3_002}));
        assertThat(likes.load(31L).tweetIds()).containsExactly(100, 300);
        likes.store(31L, new LikeList(7, new long[0], new long[0]));
        assertThat(likes.load(31L).version())
                .as("the version outlives the likes")
                .isEqualTo(7);
        assertThat(likes.load(32L)).isEqualTo(LikeList.EMPTY);

        CassandraMapStore<Long, LikeList> reposted = store(MapNames.REPOSTED);
        reposted.store(31L, new LikeList(1, new long[] {400}, new long[] {4_000}));
        assertThat(reposted.load(31L).edgeOf(400))
                .as("a repost, in a table of its own")
                .isEqualTo(4_000);
        assertThat(likes.load(31L).edgeOf(400)).isZero();
    }

    @Test
    void should_keep_blocks_and_mutes_and_load_a_user_without_any_as_empty() {
        CassandraMapStore<Long, FollowList> blocking = store(MapNames.BLOCKING);
        blocking.store(41L, new FollowList(new long[] {7, 8}, new long[] {5_000, 5_001}));
        assertThat(blocking.load(41L).userIds()).containsExactly(7, 8);
        blocking.store(41L, new FollowList(new long[] {8}, new long[] {5_001}));
        assertThat(blocking.load(41L).userIds()).containsExactly(8);
        assertThat(blocking.load(42L))
                .as("kept by a near cache: every like of the user's tweets asks")
                .isEqualTo(FollowList.EMPTY);

        CassandraMapStore<Long, MuteList> muting = store(MapNames.MUTING);
        long now = System.currentTimeMillis();
        MuteList mutes = new MuteList(new long[] {3, 9, 12}, new long[] {6_000, 6_002, 6_001}, new long[] {
            MuteList.FOREVER, now + 60_000, now - 1
        });
        muting.store(41L, mutes);
        MuteList loaded = muting.load(41L);
        assertThat(loaded.accountIds())
                .as("the ended mute dropped when written")
                .containsExactly(3, 9);
        assertThat(loaded.edgeIds()).containsExactly(6_000, 6_002);
        assertThat(loaded.untilMillis()).containsExactly(MuteList.FOREVER, now + 60_000);
        muting.store(41L, MuteList.EMPTY);
        assertThat(muting.load(41L)).isEqualTo(MuteList.EMPTY);
        assertThat(muting.load(43L)).isEqualTo(MuteList.EMPTY);
    }

    @Test
    void should_keep_notification_groups_and_the_marker_and_read_groups_past_the_inbox() {
        CassandraMapStore<Long, Inbox> inboxes = store(MapNames.NOTIFICATIONS);
        Inbox inbox = Inbox.EMPTY;
        for (int i = 0; i < Inbox.CAPACITY + 3; i++) {
            inbox = inbox.with(NotificationKind.MENTION, 9_000 + i, 7, 10_000 + i, 1_700_000_000_000L + i);
            if (i == Inbox.CAPACITY / 2 || i == Inbox.CAPACITY - 1) {
                inboxes.store(51L, inbox); // stored as the inbox fills, as write-behind does
            }
        }
        inbox = inbox.with(NotificationKind.LIKE, 500, 8, 20_000, 1_700_000_001_000L);
        inboxes.store(51L, inbox);
        Inbox moved = inbox.with(NotificationKind.LIKE, 500, 9, 20_001, 1_700_000_002_000L)
                .markedRead(20_000);
        inboxes.store(51L, moved);

        Inbox loaded = inboxes.load(51L);
        assertThat(loaded.groupIds()).containsExactly(moved.groupIds());
        assertThat(loaded.readUpTo()).isEqualTo(20_000);
        assertThat(loaded.group(0).actors()).containsExactly(9, 8);
        assertThat(loaded.group(0).count()).isEqualTo(2);
        assertThat(session.execute("SELECT group_id FROM notifications WHERE user_id = 51").all().stream()
                        .filter(row -> !row.isNull("group_id"))
                        .map(row -> row.getLong("group_id"))
                        .toList())
                .as("the like group's old row went; the groups past the inbox stayed")
                .doesNotContain(20_000L)
                .contains(10_000L, 10_003L);
        Inbox older = new CassandraOlderNotifications(session)
                .groupsBefore(51L, moved.groupIds()[Inbox.CAPACITY - 1], 10, NotificationKind.ALL_KINDS);
        assertThat(older.groupIds()).containsExactly(10_003L, 10_002L, 10_001L, 10_000L);
        assertThat(new CassandraOlderNotifications(session)
                        .groupsBefore(51L, Long.MAX_VALUE, 10, NotificationKind.LIKE.bit())
                        .groupIds())
                .containsExactly(20_001L);

        inboxes.delete(51L);
        assertThat(inboxes.load(51L)).isEqualTo(Inbox.EMPTY);
        assertThat(inboxes.load(52L)).isEqualTo(Inbox.EMPTY);
    }

    @Test
    void should_keep_a_likers_bucket_and_its_change_count_even_once_every_liker_left() {
        CassandraMapStore<BucketKey, EdgeBucket> likers = store(MapNames.LIKERS);
        BucketKey key = new BucketKey(41L, 3);
        EdgeBucket two = EdgeBucket.EMPTY.apply(7, 700, 1, true, 0).apply(9, 900, 4, true, 0);
        likers.store(key, two);
        EdgeBucket loaded = likers.load(key);
        assertThat(loaded.actorIds()).containsExactly(7, 9);
        assertThat(loaded.edgeIds()).containsExactly(700, 900);
        assertThat(loaded.versions()).containsExactly(1, 4);
        assertThat(loaded.changes()).isEqualTo(2);

        EdgeBucket none = two.apply(7, 700, 2, false, 0).apply(9, 900, 5, false, 0);
        likers.store(key, none);
        assertThat(likers.load(key).size()).isZero();
        assertThat(likers.load(key).changes()).isEqualTo(4);
        assertThat(likers.load(new BucketKey(41L, 4))).isNull();
    }

    @Test
    void should_not_ask_cassandra_for_the_counts_of_a_tweet_posted_since_the_store_started() {
        CassandraMapStore<Long, TweetStats> stats = store(MapNames.TWEET_STATS);
        long now = System.currentTimeMillis();
        long before = (now - Duration.ofHours(2).toMillis() - FlakeIds.EPOCH_MILLIS) << 22;
        long fresh = (now + Duration.ofMinutes(2).toMillis() - FlakeIds.EPOCH_MILLIS) << 22;
        TweetStats liked = TweetStats.empty().withLikeBucket(3, new BucketSize(2, 2));
        stats.store(before, liked);
        stats.store(fresh, liked); // only a write that bypassed the grid could leave this row: none does
        stats.started(new MapConfig(MapNames.TWEET_STATS).setMaxIdleSeconds(3600));

        assertThat(stats.load(before).likes())
                .as("posted before the start: read")
                .isEqualTo(2);
        assertThat(stats.load(fresh).likes())
                .as("posted since: no row can be there, none read")
                .isZero();
        stats.deleteAll(List.of(before, fresh));
    }

    @Test
    void should_keep_a_tweets_counts_as_absolute_values() {
        CassandraMapStore<Long, TweetStats> stats = store(MapNames.TWEET_STATS);
        stats.delete(51L); // a row of an earlier run of this test, if the keyspace is one
        TweetStats counted = TweetStats.empty()
                .withLikeBucket(2, new BucketSize(3, 5))
                .withLikeBucket(9, new BucketSize(1, 1))
                .withBucket(Counted.REPLIES, 9, new BucketSize(2, 3))
                .withBucket(Counted.QUOTES, 0, new BucketSize(5, 6));
        stats.store(51L, counted);
        TweetStats loaded = stats.load(51L);
        assertThat(loaded.likes()).isEqualTo(4);
        assertThat(loaded.replies()).isEqualTo(2);
        assertThat(loaded.quotes()).isEqualTo(5);
        assertThat(loaded.changesOf(Counted.LIKES)[2]).isEqualTo(5);
        assertThat(loaded.changesOf(Counted.REPLIES)[9]).isEqualTo(3);
        assertThat(stats.load(52L).likes()).as("a tweet nobody liked").isZero();
        Row row = session.execute("SELECT likes, replies, reposts, like_bucket_sizes, buckets FROM tweet_stats"
                        + " WHERE tweet_id = 51")
                .one();
        assertThat(row.getInt("likes")).as("the counts readable as columns").isEqualTo(4);
        assertThat(row.getInt("replies")).isEqualTo(2);
        assertThat(row.getList("like_bucket_sizes", Integer.class))
                .as("the reports in one blob, no list written")
                .isEmpty();
        assertThat(row.getByteBuffer("buckets").remaining())
                .as("a kind nothing happened to (reposts) takes one byte")
                .isEqualTo(2 + 4 + 3 * 16 * (4 + 8));
    }

    /**
     * A store trusts the rows it last wrote while its member keeps its partitions, and writes from them without a read:
     * a row written behind its back (which only another owner of the key could write) shows that no read was made, until
     * the partition table moves and the rows are read again.
     */
    @Test
    void should_write_a_follow_list_from_what_it_last_wrote_until_a_partition_changes_owner() {
        AtomicLong stamp = new AtomicLong(1);
        CassandraMapStore<Long, FollowList> following = store(MapNames.FOLLOWING);
        following.partitionTableStamp(stamp::get);
        following.delete(61L);
        following.store(61L, new FollowList(new long[] {100, 200}, new long[] {1, 2}));
        session.execute("INSERT INTO following (user_id, edge_id, other_id) VALUES (61, 3, 300)");

        following.store(61L, new FollowList(new long[] {100}, new long[] {1}));
        assertThat(edgeRows("following", "user_id = 61"))
                .as("written from what it held: the row it did not write is still there")
                .containsExactlyInAnyOrder(1L, 3L);

        stamp.incrementAndGet();
        following.store(61L, new FollowList(new long[] {100, 400}, new long[] {1, 4}));
        assertThat(edgeRows("following", "user_id = 61"))
                .as("the partition table moved: rows read again, and made what the list says")
                .containsExactlyInAnyOrder(1L, 4L);
    }

    @Test
    void should_write_a_bucket_first_loaded_as_missing_without_reading_it() {
        AtomicLong stamp = new AtomicLong(1);
        CassandraMapStore<BucketKey, EdgeBucket> likers = store(MapNames.LIKERS);
        likers.partitionTableStamp(stamp::get);
        BucketKey key = new BucketKey(62L, 5);
        likers.delete(key);
        assertThat(likers.load(key)).isNull();
        session.execute("INSERT INTO likers (tweet_id, bucket, actor_id, edge_id, version) VALUES (62, 5, 8, 800, 1)");

        likers.store(key, EdgeBucket.EMPTY.apply(7, 700, 1, true, 0));
        assertThat(edgeRows("likers", "tweet_id = 62 AND bucket = 5"))
                .as("the bucket was known empty: no read before the write")
                .containsExactlyInAnyOrder(700L, 800L);

        stamp.incrementAndGet();
        likers.store(key, EdgeBucket.EMPTY.apply(7, 700, 1, true, 0).apply(9, 900, 2, true, 0));
        assertThat(edgeRows("likers", "tweet_id = 62 AND bucket = 5")).containsExactlyInAnyOrder(700L, 900L);
        assertThat(likers.load(key).changes()).isEqualTo(2);
    }

    private static List<Long> edgeRows(String table, String where) {
        return session.execute("SELECT edge_id FROM " + table + " WHERE " + where).all().stream()
                .filter(row -> !row.isNull("edge_id"))
                .map(row -> row.getLong("edge_id"))
                .toList();
    }

    @Test
    void should_load_counts_written_as_lists_before_the_blob() {
        CassandraMapStore<Long, TweetStats> stats = store(MapNames.TWEET_STATS);
        stats.delete(53L);
        List<Integer> sizes = new java.util.ArrayList<>(java.util.Collections.nCopies(16, 0));
        List<Long> changes = new java.util.ArrayList<>(java.util.Collections.nCopies(16, 0L));
        sizes.set(4, 7);
        changes.set(4, 9L);
        session.execute(
                "INSERT INTO tweet_stats (tweet_id, likes, like_bucket_sizes, like_bucket_changes, reply_bucket_sizes,"
                        + " reply_bucket_changes) VALUES (53, 7, ?, ?, ?, ?)",
                sizes,
                changes,
                sizes,
                changes);

        TweetStats loaded = stats.load(53L);

        assertThat(loaded.likes()).isEqualTo(7);
        assertThat(loaded.replies()).isEqualTo(7);
        assertThat(loaded.changesOf(Counted.LIKES)[4]).isEqualTo(9);
        assertThat(loaded.reposts()).isZero();
        stats.store(53L, loaded.withBucket(Counted.LIKES, 5, new BucketSize(1, 1)));
        assertThat(stats.load(53L).likes())
                .as("written again, as a blob, read from it")
                .isEqualTo(8);
        assertThat(stats.load(53L).replies()).isEqualTo(7);
    }

    @Test
    void should_keep_a_replys_place_in_its_conversation_and_its_parents_replies() {
        CassandraMapStore<Long, Tweet> tweets = store(MapNames.TWEETS);
        Tweet root = new Tweet(61L, 1L, "root", 1_700_000_000_000L, new long[0]);
        Tweet reply = Tweet.replyTo(root, 62L, 2L, "reply", 1_700_000_000_001L, new long[0]);
        tweets.store(61L, root);
        tweets.store(62L, reply);
        assertThat(tweets.load(61L)).usingRecursiveComparison().isEqualTo(root);
        assertThat(tweets.load(62L)).usingRecursiveComparison().isEqualTo(reply);
        assertThat(tweets.load(62L).conversationId()).isEqualTo(61L);
        Tweet quote = Tweet.quoting(root, 63L, 3L, "a quote", 1_700_000_000_002L, new long[0]);
        tweets.store(63L, quote);
        assertThat(tweets.load(63L)).usingRecursiveComparison().isEqualTo(quote);

        CassandraMapStore<BucketKey, EdgeBucket> replies = store(MapNames.REPLIES);
        BucketKey key = BucketKey.of(61L, 62L);
        replies.store(key, EdgeBucket.EMPTY.apply(62L, 62L, 1, true, 0));
        assertThat(replies.load(key).actorIds()).containsExactly(62L);
        assertThat(store(MapNames.LIKERS).load(key))
                .as("another table than the likers")
                .isNull();
        CassandraMapStore<BucketKey, EdgeBucket> quotes = store(MapNames.QUOTES);
        quotes.store(BucketKey.of(61L, 63L), EdgeBucket.EMPTY.apply(63L, 63L, 1, true, 0));
        assertThat(quotes.load(BucketKey.of(61L, 63L)).actorIds()).containsExactly(63L);
    }

    @Test
    void should_keep_a_split_follower_list_as_a_head_with_its_index_and_chunks_in_their_own_partitions() {
        CassandraMapStore<Long, FollowList> heads = store(MapNames.FOLLOWERS);
        CassandraMapStore<FollowerChunkKey, FollowList> chunks = store(MapNames.FOLLOWER_CHUNKS);
        FollowList head = new FollowList(
                new long[] {501, 502}, new long[] {2_000, 2_001}, new ChunkIndex(new long[] {2_002, 2_004}, 2_005, 2));
        heads.store(51L, head);
        chunks.storeAll(Map.of(
                new FollowerChunkKey(51L, 1), FollowList.EMPTY.with(503, 2_002).with(504, 2_003),
                new FollowerChunkKey(51L, 2), FollowList.EMPTY.with(505, 2_004).with(506, 2_005)));

        assertThat(heads.load(51L)).isEqualTo(head);
        assertThat(chunks.load(new FollowerChunkKey(51L, 2)).userIds()).containsExactly(505, 506);
        chunks.store(new FollowerChunkKey(51L, 1), FollowList.EMPTY.with(504, 2_003));
        assertThat(chunks.load(new FollowerChunkKey(51L, 1)).userIds()).containsExactly(504);
        assertThat(chunks.load(new FollowerChunkKey(51L, 2)).userIds())
                .as("another partition")
                .hasSize(2);
        assertThat(heads.load(52L))
                .as("nobody follows 52: an entry the grid keeps")
                .isEqualTo(FollowList.EMPTY);

        heads.delete(51L);
        assertThat(heads.load(51L)).isEqualTo(FollowList.EMPTY);
    }

    /**
     * The members' sessions throttle with Flock's own class (flock-cassandra.conf), not the driver's, whose
     * bookkeeping can strand a queued request with nothing in flight (BoundedRequestThrottler).
     */
    @Test
    void should_throttle_the_session_with_a_throttler_that_always_starts_what_it_queued() {
        assertThat(((InternalDriverContext) session.getContext()).getRequestThrottler())
                .isInstanceOf(BoundedRequestThrottler.class);
    }

    /**
     * Two big follower chunks in one batch: 22,000 inserts, more than the driver's throttler holds (256 in
     * flight, 20,000 queued). The batch keeps its own window of statements in flight, so it is written in one call.
     * Each statement alone, as a cluster configured so sends them: grouped, they would be a tenth as many requests.
     */
    @Test
    void should_write_a_batch_larger_than_the_drivers_request_queue_in_one_call() {
        try (CqlSession alone = sendingStatementsAlone()) {
            CassandraMapStore<FollowerChunkKey, FollowList> chunks = (CassandraMapStore<FollowerChunkKey, FollowList>)
                    (Object) new FlockMapStoreFactory(alone).newMapStore(MapNames.FOLLOWER_CHUNKS, null);
            int edges = 11_000;
            Map<FollowerChunkKey, FollowList> batch = new java.util.HashMap<>();
            for (int chunk = 1; chunk <= 2; chunk++) {
                long[] followers = new long[edges];
                long[] edgeIds = new long[edges];
                for (int i = 0; i < edges; i++) {
                    followers[i] = 1_000_000L * chunk + i;
                    edgeIds[i] = 10_000_000L * chunk + i;
                }
                batch.put(new FollowerChunkKey(61L, chunk), new FollowList(followers, edgeIds));
            }
            chunks.storeAll(batch);

            for (var entry : batch.entrySet()) {
                assertThat(chunks.load(entry.getKey())).isEqualTo(entry.getValue());
            }
        }
    }

    /**
     * Small statements to the same replicas (one node here holds every row) go as unlogged batches of at most 10
     * statements and 4 KiB, under Cassandra's batch warnings; a statement of more than half that goes alone.
     */
    @Test
    void should_send_small_statements_to_the_same_replicas_together_and_a_big_one_alone() {
        PreparedStatement insert =
                session.prepare("INSERT INTO tweets (id, author_id, text, created_at) VALUES (?, ?, ?, ?)");
        StatementGroups groups = new StatementGroups(session);
        List<Statement<?>> sent = new ArrayList<>();
        for (long id = 1; id <= 25; id++) {
            addTo(groups, insert.bind(900_000L + id, 91L, "short", Instant.EPOCH), sent);
        }
        assertThat(sizes(sent)).as("full groups go as they fill").containsExactly(10, 10);
        BoundStatement big = insert.bind(900_100L, 91L, "x".repeat(3_000), Instant.EPOCH);
        assertThat(groups.add(big)).as("too big for company").isSameAs(big);
        sent.addAll(groups.drain());
        assertThat(sizes(sent)).containsExactly(10, 10, 5);
        assertThat(groups.drain()).isEmpty();

        sent.clear();
        for (long id = 1; id <= 6; id++) {
            addTo(groups, insert.bind(900_200L + id, 91L, "y".repeat(900), Instant.EPOCH), sent);
        }
        sent.addAll(groups.drain());
        assertThat(sizes(sent)).as("a group closes before 4 KiB").containsExactly(4, 2);
        assertThat(sent).allSatisfy(statement -> assertThat(((BatchStatement) statement).getBatchType())
                .isEqualTo(DefaultBatchType.UNLOGGED));
    }

    /** The driver's configuration sizes the groups; 1 sends every statement alone. */
    @Test
    void should_send_every_statement_alone_when_groups_are_configured_to_one_statement() {
        try (CqlSession alone = sendingStatementsAlone()) {
            PreparedStatement insert = alone.prepare("INSERT INTO tweets (id, author_id, text) VALUES (?, ?, ?)");
            StatementGroups groups = new StatementGroups(alone);
            for (long id = 1; id <= 3; id++) {
                BoundStatement statement = insert.bind(900_300L + id, 92L, "alone");
                assertThat(groups.add(statement)).isSameAs(statement);
            }
            assertThat(groups.drain()).isEmpty();
        }
    }

    /** A session of its own that sends every write-behind statement alone. */
    private static CqlSession sendingStatementsAlone() {
        return CassandraSessions.openSendingStatementsAlone(
                CassandraConfig.fromMap(
                        Map.of("contact-points", CassandraServer.shared().contactPoint(), "keyspace", "mapstores_it")),
                Duration.ofMinutes(2));
    }

    private static void addTo(StatementGroups groups, Statement<?> statement, List<Statement<?>> sent) {
        Statement<?> ready = groups.add(statement);
        if (ready != null) {
            sent.add(ready);
        }
    }

    private static List<Integer> sizes(List<Statement<?>> sent) {
        return sent.stream()
                .map(statement -> ((BatchStatement) statement).size())
                .toList();
    }

    /** Tweets stored in one batch of 100: the statements travel grouped, and every row arrives. */
    @Test
    void should_store_a_full_write_behind_batch_of_tweets_in_groups() {
        CassandraMapStore<Long, Tweet> tweets = store(MapNames.TWEETS);
        UserTimelineLoader timelines = (UserTimelineLoader) (Object) factory.newMapStore(MapNames.USER_TIMELINES, null);
        Map<Long, Tweet> batch = new java.util.HashMap<>();
        for (long id = 1; id <= 100; id++) {
            batch.put(910_000L + id, new Tweet(910_000L + id, 93L + id % 3, "grouped " + id, id, new long[0]));
        }
        tweets.storeAll(batch);

        batch.forEach((id, tweet) -> assertThat(tweets.load(id))
                .extracting(Tweet::text, Tweet::authorId)
                .containsExactly(tweet.text(), tweet.authorId()));
        assertThat(timelines.load(93L).size()
                        + timelines.load(94L).size()
                        + timelines.load(95L).size())
                .isEqualTo(100);
    }

    @Test
    void should_keep_tweets_by_id_and_under_their_author_newest_first() {
        CassandraMapStore<Long, Tweet> tweets = store(MapNames.TWEETS);
        UserTimelineLoader timelines = (UserTimelineLoader) (Object) factory.newMapStore(MapNames.USER_TIMELINES, null);
        long batchesBefore = batches("tweets", "store");
        tweets.storeAll(Map.of(
                301L, new Tweet(301L, 31L, "first", 1_000L, new long[0]),
                302L, new Tweet(302L, 31L, "second 🐦", 2_000L, new long[] {9L}),
                303L,
                        new Tweet(303L, 31L, "third @ann @nobody", 3_000L, new long[0])
                                .withMentions(new long[] {41L, 0})));
        Tweet loaded = tweets.load(302L);
        assertThat(loaded.text()).isEqualTo("second 🐦");
        assertThat(loaded.mediaIds()).containsExactly(9L);
        assertThat(loaded.mentionIds()).isEmpty();
        assertThat(tweets.load(303L).mentionIds()).containsExactly(41L, 0L);
        assertThat(timelines.load(31L).toArray()).containsExactly(303L, 302L, 301L);
        assertThat(batches("tweets", "store")).as("the batch timed").isEqualTo(batchesBefore + 1);

        tweets.deleteAll(List.of(302L));
        assertThat(tweets.load(302L)).isNull();
        assertThat(timelines.load(31L).toArray()).containsExactly(303L, 301L);
        assertThat(timelines.load(32L)).isEqualTo(Timeline.empty());
    }

    @Test
    void should_load_800_tweets_of_an_author_and_page_the_older_ones_from_cassandra() {
        CassandraMapStore<Long, Tweet> tweets = store(MapNames.TWEETS);
        UserTimelineLoader timelines = (UserTimelineLoader) (Object) factory.newMapStore(MapNames.USER_TIMELINES, null);
        long author = 41L;
        Map<Long, Tweet> written = new java.util.HashMap<>();
        for (long id = 10_001; id <= 10_000 + Timeline.MAX_ENTRIES + 50; id++) {
            written.put(id, new Tweet(id, author, "t" + id, id, new long[0]));
        }
        tweets.storeAll(written);

        Timeline recent = timelines.load(author);
        assertThat(recent.size()).isEqualTo(Timeline.MAX_ENTRIES);
        assertThat(recent.truncated()).as("50 older tweets stay in Cassandra").isTrue();
        long oldestKept = recent.get(recent.size() - 1);
        assertThat(oldestKept).isEqualTo(10_051L);
        long[] older = new CassandraOlderTweets(session).authorTweetsBefore(author, oldestKept, 0, 100);
        assertThat(older).hasSize(50).startsWith(10_050L).endsWith(10_001L);
        assertThat(new CassandraOlderTweets(session).authorTweetsBefore(author, 10_040L, 10_035L, 100))
                .containsExactly(10_039L, 10_038L, 10_037L, 10_036L);
    }

    @Test
    void should_treat_the_delete_of_a_tweet_never_stored_as_done() {
        CassandraMapStore<Long, Tweet> tweets = store(MapNames.TWEETS);
        tweets.delete(999L);
        assertThat(tweets.load(999L)).isNull();
    }

    @Test
    void should_store_media_metadata_and_load_it_back_as_it_changes() {
        CassandraMapStore<Long, Media> media = store(MapNames.MEDIA);
        Media uploading = new Media(501L, 51L, "image/png", 0, Media.State.UPLOADING, 1_700_000_000_123L, 0);

        media.store(501L, uploading);
        assertThat(media.load(501L)).isEqualTo(uploading);
        media.store(501L, uploading.ready(2_048).attachedTo(601L));

        Media loaded = media.load(501L);
        assertThat(loaded.state()).isEqualTo(Media.State.ATTACHED);
        assertThat(loaded.size()).isEqualTo(2_048);
        assertThat(loaded.tweetId()).isEqualTo(601L);
        media.delete(501L);
        assertThat(media.load(501L)).isNull();
    }

    static {
        // The member adds its Prometheus registry to the global one; without any, the global registry counts nothing.
        io.micrometer.core.instrument.Metrics.addRegistry(
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    /** Write-behind batches timed for the map and operation ({@code flock_writebehind_batch_seconds}). */
    private static long batches(String map, String op) {
        var timer = io.micrometer.core.instrument.Metrics.globalRegistry
                .find("flock.writebehind.batch")
                .tags("map", map, "op", op)
                .timer();
        return timer == null ? 0 : timer.count();
    }
}
