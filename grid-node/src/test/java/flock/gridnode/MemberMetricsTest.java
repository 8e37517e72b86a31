package flock.gridnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapStoreConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.MapStoreAdapter;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import com.sun.net.httpserver.HttpServer;
import flock.domain.MapNames;
import flock.domain.account.User;
import flock.domain.graph.FollowList;
import flock.domain.timeline.Timeline;
import flock.domain.tweet.Tweet;
import flock.pipelines.FanOutPipeline;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MemberMetricsTest {
    /** How long an asynchronous outcome may take on a busy 2-core machine before the test fails. */
    private static final Duration EVENTUALLY = Duration.ofMinutes(2);

    private static final Pattern LAG_COUNT = Pattern.compile("(?m)^flock_fanout_lag_seconds_count\\S* (\\S+)$");

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(2);
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        factory.shutdownAll();
    }

    @Test
    void should_serve_the_fan_out_lag_and_owned_entries_in_prometheus_form() {
        Config config = MemberConfig.load(MemberSettings.from(key -> null));
        MemberConfig.disableMapStores(config);
        HazelcastInstance member = factory.newHazelcastInstance(config);
        server = MemberMetrics.serve(member, "127.0.0.1", 0);
        URI metrics = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics");
        member.<Long, FollowList>getMap(MapNames.FOLLOWERS).set(1L, FollowList.EMPTY.with(2, 3));
        member.<Long, Timeline>getMap(MapNames.HOME_TIMELINES).set(2L, Timeline.empty());
        FanOutPipeline.submitIfAbsent(member.getJet());

        member.<Long, Tweet>getMap(MapNames.TWEETS)
                .set(10L, new Tweet(10, 1, "measured", System.currentTimeMillis(), new long[0]));

        System.gc(); // a gauge whose object only Micrometer's weak reference held would read NaN from here on
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            String body = scrape(metrics);
            Matcher lag = LAG_COUNT.matcher(body);
            assertThat(lag.find()).as(body).isTrue();
            assertThat(Double.parseDouble(lag.group(1))).isGreaterThanOrEqualTo(1);
            assertThat(body).contains("flock_map_owned_entries{map=\"home_timelines\"} 1.0");
            assertThat(body)
                    .as("the follower list set above, counted on the member that owns it")
                    .contains("flock_map_operations_total{kind=\"set\",map=\"followers\"} 1.0");
            assertThat(body).contains("flock_jet_job_running{job=\"fan-out\"} 1.0");
            assertThat(body)
                    .as("a job nobody submitted here")
                    .contains("flock_jet_job_running{job=\"follow-backfill\"} 0.0");
        });
    }

    @Test
    void should_count_entries_waiting_in_the_write_behind_queue() throws Exception {
        Config config = MemberConfig.load(MemberSettings.from(key -> null));
        MemberConfig.disableMapStores(config);
        // A store that is never due within the test: what is set stays queued, as while Cassandra lags.
        config.getMapConfig(MapNames.USERS)
                .setMapStoreConfig(new MapStoreConfig()
                        .setEnabled(true)
                        .setImplementation(new MapStoreAdapter<Long, User>())
                        .setWriteDelaySeconds(3_600));
        HazelcastInstance member = factory.newHazelcastInstance(config);
        server = MemberMetrics.serve(member, "127.0.0.1", 0);
        URI metrics = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics");

        for (long id = 1; id <= 3; id++) {
            member.<Long, User>getMap(MapNames.USERS).set(id, new User(id, "u" + id, "U", 0));
        }

        assertThat(scrape(metrics))
                .contains("flock_map_writebehind_pending{map=\"users\"} 3.0")
                .contains("flock_map_writebehind_pending{map=\"tweets\"} 0.0");
    }

    @Test
    void should_publish_the_memory_of_serialized_maps_and_none_for_object_maps() throws Exception {
        Config config = MemberConfig.load(MemberSettings.from(key -> null));
        MemberConfig.disableMapStores(config);
        HazelcastInstance member = factory.newHazelcastInstance(config);
        server = MemberMetrics.serve(member, "127.0.0.1", 0);
        URI metrics = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics");
        double before = tweetMemory(scrape(metrics));

        member.<Long, Tweet>getMap(MapNames.TWEETS).set(10L, new Tweet(10, 1, "x".repeat(1_000), 0, new long[0]));

        String body = scrape(metrics);
        assertThat(tweetMemory(body) - before)
                .as("the tweet's 1,000 characters")
                .isGreaterThan(1_000);
        assertThat(body).doesNotContain("flock_map_memory_bytes{copy=\"primary\",map=\"home_timelines\"}");
    }

    @Test
    void should_answer_live_and_ready_while_running_and_down_once_shut_down() throws Exception {
        Config config = MemberConfig.load(MemberSettings.from(key -> null));
        MemberConfig.disableMapStores(config);
        HazelcastInstance member = factory.newHazelcastInstance(config);
        server = MemberMetrics.serve(member, "127.0.0.1", 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();

        await().atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(status(base + "/health/ready")).isEqualTo(200));
        assertThat(status(base + "/health/live")).isEqualTo(200);

        member.shutdown();

        assertThat(status(base + "/health/live")).isEqualTo(503);
        assertThat(status(base + "/health/ready")).isEqualTo(503);
    }

    @Test
    void should_count_the_migration_a_joining_member_causes_and_say_when_the_cluster_is_safe() throws Exception {
        Config config = MemberConfig.load(MemberSettings.from(key -> null));
        MemberConfig.disableMapStores(config);
        HazelcastInstance master = factory.newHazelcastInstance(config);
        for (long id = 0; id < 1_000; id++) {
            master.getMap(MapNames.TWEETS).set(id, new Tweet(id, 1, "t", 0, new long[0]));
        }
        server = MemberMetrics.serve(master, "127.0.0.1", 0);
        URI metrics = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics");
        assertThat(metric(scrape(metrics), "flock_migration_process_seconds_count"))
                .isZero();

        factory.newHazelcastInstance(config);

        await().atMost(EVENTUALLY).untilAsserted(() -> {
            String body = scrape(metrics);
            assertThat(metric(body, "flock_migration_process_seconds_count")).isGreaterThanOrEqualTo(1);
            assertThat(metric(body, "flock_migration_replicas_total\\{result=\"moved\"\\}"))
                    .isGreaterThan(0);
            assertThat(metric(body, "flock_cluster_safe")).isEqualTo(1);
            assertThat(metric(body, "flock_migration_running")).isZero();
        });
    }

    private static double metric(String body, String name) {
        Matcher value = Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(body);
        assertThat(value.find()).as(name + " in\n" + body).isTrue();
        return Double.parseDouble(value.group(1));
    }

    private static int status(String uri) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
    }

    private static double tweetMemory(String body) {
        Matcher memory = Pattern.compile("(?m)^flock_map_memory_bytes\\{copy=\"primary\",map=\"tweets\"\\} (\\S+)$")
                .matcher(body);
        assertThat(memory.find()).as(body).isTrue();
        return Double.parseDouble(memory.group(1));
    }

    private static String scrape(URI uri) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response =
                    http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        }
    }
}
