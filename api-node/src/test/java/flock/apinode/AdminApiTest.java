package flock.apinode;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.common.SerializationConfig;
import io.helidon.webserver.WebServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The admin view on a real port over the in-JVM grid (one member, the fan-out job running). */
class AdminApiTest {
    static {
        // As in HostileInputTest: a hand-started server must not install Helidon's JVM-wide deserialization filter.
        SerializationConfig.builder()
                .onNoConfig(SerializationConfig.Action.IGNORE)
                .build()
                .configure();
    }

    private static final String TOKEN = "admin-" + ProcessHandle.current().pid() + "-token";
    private static final WebServer WITH_ADMIN =
            server(ApiSettings.DEFAULTS.withLimits(TestGrid.NO_LIMITS).withAdminToken(TOKEN));
    private static final WebServer WITHOUT_ADMIN = server(ApiSettings.DEFAULTS.withLimits(TestGrid.NO_LIMITS));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @AfterAll
    static void stop() {
        WITH_ADMIN.stop();
        WITHOUT_ADMIN.stop();
    }

    @Test
    void should_show_members_partitions_maps_and_jobs_to_the_admin() throws Exception {
        TestGrid.client().getMap("users").size(); // the grid is up and the job submitted

        HttpResponse<String> answer = get(WITH_ADMIN, TOKEN);

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonObject view = Json.createReader(new StringReader(answer.body())).readObject();
        JsonObject cluster = view.getJsonObject("cluster");
        assertThat(cluster.getInt("members")).isEqualTo(1);
        assertThat(cluster.getInt("membersAnswered")).isEqualTo(1);
        assertThat(cluster.getInt("partitions")).isEqualTo(271);
        assertThat(cluster.getString("state")).isEqualTo("ACTIVE");
        JsonObject member = view.getJsonArray("members").getJsonObject(0);
        assertThat(member.getInt("partitions"))
                .as("one member owns every partition")
                .isEqualTo(271);
        assertThat(member.getJsonNumber("heapUsedBytes").longValue()).isPositive();
        assertThat(view.getJsonObject("maps").keySet()).contains("users", "tweets", "home_timelines");
        assertThat(view.getJsonArray("jobs").getValuesAs(JsonObject.class))
                .anySatisfy(job -> assertThat(job.getString("name")).isEqualTo("fan-out"));
    }

    @Test
    void should_refuse_a_missing_or_wrong_admin_token_with_401() throws Exception {
        assertThat(get(WITH_ADMIN, null).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = get(WITH_ADMIN, TOKEN + "x");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void should_not_exist_without_a_configured_token() throws Exception {
        HttpResponse<String> answer = get(WITHOUT_ADMIN, TOKEN);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("flock.admin.token");
    }

    private static WebServer server(ApiSettings settings) {
        return WebServer.builder()
                .port(0)
                .host("127.0.0.1")
                .routing(routing -> Main.routing(routing, TestGrid.client(), settings))
                .build()
                .start();
    }

    private static HttpResponse<String> get(WebServer server, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/admin/cluster"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
