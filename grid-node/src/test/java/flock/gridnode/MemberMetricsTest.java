package flock.gridnode;

import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import com.sun.net.httpserver.HttpServer;
import flock.domain.FollowList;
import flock.domain.MapNames;
import flock.domain.Timeline;
import flock.domain.Tweet;
import flock.pipelines.FanOutPipeline;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MemberMetricsTest {
    private static final Pattern LAG_COUNT = Pattern.compile("(?m)^flock_fanout_lag_seconds_count\\S* (\\S+)$");

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(1);
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

        assertTrueEventually(() -> {
            String body = scrape(metrics);
            Matcher lag = LAG_COUNT.matcher(body);
            assertThat(lag.find()).as(body).isTrue();
            assertThat(Double.parseDouble(lag.group(1))).isGreaterThanOrEqualTo(1);
            assertThat(body).contains("flock_map_owned_entries{map=\"home_timelines\"} 1.0");
        });
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
