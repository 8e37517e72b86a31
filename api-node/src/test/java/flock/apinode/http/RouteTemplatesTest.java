package flock.apinode.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteTemplatesTest {

    @Test
    void should_name_each_route_by_its_template() {
        assertThat(name("/api/v1/users")).isEqualTo("/api/v1/users");
        assertThat(name("/api/v1/users/123")).isEqualTo("/api/v1/users/{id}");
        assertThat(name("/api/v1/users/123/timeline")).isEqualTo("/api/v1/users/{id}/timeline");
        assertThat(name("/api/v1/users/123/following")).isEqualTo("/api/v1/users/{id}/following");
        assertThat(name("/api/v1/users/123/following/456")).isEqualTo("/api/v1/users/{id}/following/{targetId}");
        assertThat(name("/api/v1/users/by-handle/alice")).isEqualTo("/api/v1/users/by-handle/{handle}");
        assertThat(name("/api/v1/tweets/99")).isEqualTo("/api/v1/tweets/{id}");
    }

    @Test
    void should_put_every_other_path_in_one_bucket_so_metrics_stay_bounded() {
        assertThat(name("/api/v1/users/123/timeline/extra")).isEqualTo("other");
        assertThat(name("/api/v1/users//timeline")).isEqualTo("other");
        assertThat(name("/api/v1/users/123/")).isEqualTo("other");
        assertThat(name("/api/v2/users")).isEqualTo("other");
        assertThat(name("/api/v1/tweetsX")).isEqualTo("other");
        assertThat(name("/api")).isEqualTo("other");
    }

    private static String name(String path) {
        return RouteTemplates.name(RouteTemplates.match(path));
    }
}
