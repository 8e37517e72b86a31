package flock.apinode.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flock.apinode.grid.GridCallTrace;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlowRequestsTest {
    @Test
    void should_name_the_route_status_time_and_calls() {
        String line =
                SlowRequests.describe("GET", "/api/v1/users/{id}/tweets", 200, 28_030_000, new GridCallTrace.Calls());

        assertThat(line)
                .isEqualTo("slow request: GET /api/v1/users/{id}/tweets 200 in 28.03 ms; grid calls (start+duration,"
                        + " ms): none");
    }

    @Test
    void should_refuse_a_threshold_that_would_log_every_request_or_none() {
        assertThatThrownBy(() -> new SlowRequests(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("flock.diagnostics.slow-request-millis");
    }
}
