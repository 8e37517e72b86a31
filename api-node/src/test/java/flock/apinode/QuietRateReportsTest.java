package flock.apinode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import flock.apinode.limits.LimitSettings;
import flock.apinode.limits.LocalBucket;
import flock.apinode.limits.RateLimiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A node's reports of clients far from their limit, which wait between syncs rather than going out with each: every one
 * still reaches the grid, and so does what a client spends after its first report.
 */
class QuietRateReportsTest {
    private static final Duration EVENTUALLY = Duration.ofMinutes(2);
    private static final LimitSettings.Limit ROOMY =
            new LimitSettings.Limit(1_000, Duration.ofDays(30)); // a token back every 43 minutes
    private static final LimitSettings SETTINGS =
            new LimitSettings(ROOMY, ROOMY, ROOMY, Duration.ofMillis(50), Optional.empty());

    @Test
    void should_report_every_client_far_from_its_limit_and_what_it_spends_after() {
        HazelcastInstance grid = TestGrid.client();
        try (RateLimiter limiter = new RateLimiter(grid, SETTINGS)) {
            long first = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
            List<LocalBucket> clients = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                clients.add(limiter.forAccount(first + i));
            }

            clients.forEach(client -> limiter.tryTake(client, System.nanoTime()));
            await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(levelsInGrid(first, clients.size()))
                    .as("one request each, 1 of 1,000: reported however far from the limit")
                    .containsOnly(999.0));

            clients.subList(0, 10).forEach(client -> limiter.tryTake(client, System.nanoTime()));
            await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(levelsInGrid(first, 10))
                    .as("a second request of the first ten, after their first report")
                    .containsOnly(998.0));
        }
    }

    private static List<Double> levelsInGrid(long first, int clients) {
        List<Double> levels = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            // whole tokens: what was spent, not the fraction refilled since
            levels.add(Math.floor(TestGrid.tokensInGrid("u:" + (first + i), ROOMY)));
        }
        return levels;
    }
}
