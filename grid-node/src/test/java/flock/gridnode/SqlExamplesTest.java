package flock.gridnode;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.sql.SqlResult;
import com.hazelcast.sql.SqlRow;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import flock.domain.MapNames;
import flock.domain.Tweet;
import flock.domain.User;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's example queries for analysts, over the mappings every member creates, on data this test wrote: each
 * answer is checked against what the test knows it put in.
 */
class SqlExamplesTest {
    private static final long MINUTE = 60_000;
    private static final long NOW = 1_795_900_000_000L; // a fixed "now", so every time below is exact

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(1);
    private HazelcastInstance member;

    @BeforeEach
    void start() {
        Config config = MemberConfig.load(MemberSettings.from(key -> null));
        MemberConfig.disableMapStores(config);
        member = factory.newHazelcastInstance(config);
        SqlMappings.create(member);
        SqlMappings.create(member); // idempotent: a second member starting does the same
        var users = member.<Long, User>getMap(MapNames.USERS);
        var tweets = member.<Long, Tweet>getMap(MapNames.TWEETS);
        users.set(1L, new User(1, "ann", "Ann", NOW - 100 * MINUTE, 3));
        users.set(2L, new User(2, "bob", "Bob", NOW - 100 * MINUTE, 2));
        users.set(3L, new User(3, "cyd", "Cyd", NOW - 100 * MINUTE, 1));
        // ann: 3 in the last hour; bob: 1 in the last hour, 1 before; cyd: 1 two hours ago
        long id = 100;
        for (long at : new long[] {NOW - 5 * MINUTE, NOW - 5 * MINUTE + 1, NOW - 30 * MINUTE}) {
            tweets.set(id, new Tweet(id++, 1, "ann", at, new long[0]));
        }
        tweets.set(id, new Tweet(id++, 2, "bob", NOW - 5 * MINUTE + 2, new long[0]));
        tweets.set(id, new Tweet(id++, 2, "bob", NOW - 90 * MINUTE, new long[0]));
        tweets.set(id, new Tweet(id, 3, "cyd", NOW - 120 * MINUTE, new long[0]));
    }

    @AfterEach
    void stop() {
        factory.shutdownAll();
    }

    @Test
    void should_list_the_top_posters_of_the_last_hour() {
        List<String> rows = query(
                "SELECT u.handle, COUNT(*) AS posted FROM tweets t JOIN users u ON t.author_id = u.id"
                        + " WHERE t.created_at > ? GROUP BY u.handle ORDER BY posted DESC, u.handle LIMIT 10",
                NOW - 60 * MINUTE);

        assertThat(rows).containsExactly("ann 3", "bob 1");
    }

    @Test
    void should_count_tweets_per_minute() {
        List<String> rows = query(
                "SELECT created_at / 60000 * 60000 AS minute_start, COUNT(*) AS posted FROM tweets"
                        + " WHERE created_at > ? GROUP BY created_at / 60000 * 60000 ORDER BY minute_start",
                NOW - 60 * MINUTE);

        long fiveAgo = (NOW - 5 * MINUTE) / MINUTE * MINUTE;
        long thirtyAgo = (NOW - 30 * MINUTE) / MINUTE * MINUTE;
        assertThat(rows).containsExactly(thirtyAgo + " 1", fiveAgo + " 3");
    }

    @Test
    void should_count_users_active_today() {
        List<String> rows = query(
                "SELECT COUNT(DISTINCT author_id) AS active FROM tweets WHERE created_at >= ?", NOW - 24 * 60 * MINUTE);

        assertThat(rows).containsExactly("3");
    }

    private List<String> query(String sql, Object... parameters) {
        List<String> rows = new ArrayList<>();
        try (SqlResult result = member.getSql().execute(sql, parameters)) {
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
