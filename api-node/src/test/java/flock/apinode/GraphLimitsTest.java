package flock.apinode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import flock.apinode.account.Accounts;
import flock.apinode.graph.Graph;
import flock.apinode.graph.GraphSettings;
import flock.apinode.timeline.FeedSettings;
import flock.domain.ErrorCode;
import flock.domain.FlockException;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class GraphLimitsTest {
    private final HazelcastInstance grid = TestGrid.client();
    private final Accounts accounts = new Accounts(grid);

    @Test
    void should_refuse_a_follow_past_the_most_accounts_allowed_and_change_nothing() {
        Graph graph = ApiServices.wire(
                        grid, FeedSettings.DEFAULTS, new GraphSettings(GraphSettings.DEFAULTS.followerChunk(), 2))
                .graph();
        String run = "l" + ThreadLocalRandom.current().nextInt(100_000);
        long reader = accounts.signUp(run + "_r", "R").user().id();
        long[] others = new long[3];
        for (int i = 0; i < others.length; i++) {
            others[i] = accounts.signUp(run + "_o" + i, "O").user().id();
        }
        graph.follow(reader, others[0]);
        graph.follow(reader, others[1]);
        graph.follow(reader, others[0]); // a repeat is not a new follow

        assertThatThrownBy(() -> graph.follow(reader, others[2]))
                .isInstanceOf(FlockException.class)
                .hasMessageContaining("already follows 2 accounts")
                .extracting(e -> ((FlockException) e).code())
                .isEqualTo(ErrorCode.CONFLICT);
        assertThat(graph.profile(accounts.require(reader)).following()).isEqualTo(2);
        assertThat(graph.profile(accounts.require(others[2])).followers()).isZero();
        graph.unfollow(reader, others[0]);
        graph.follow(reader, others[2]);
        assertThat(graph.profile(accounts.require(others[2])).followers()).isEqualTo(1);
    }

    @Test
    void should_default_to_chunks_of_32768_and_5000_accounts_followed_and_refuse_values_past_1_mb() {
        GraphSettings defaults = GraphSettings.from(Config.empty().get("flock.graph"));
        assertThat(defaults).isEqualTo(new GraphSettings(32_768, 5_000));
        Config tuned = Config.just(ConfigSources.create(Map.of("follower-chunk", "1000", "max-following", "300")));
        assertThat(GraphSettings.from(tuned)).isEqualTo(new GraphSettings(1_000, 300));
        assertThatThrownBy(() -> new GraphSettings(65_537, 5_000)).hasMessageContaining("follower-chunk");
        assertThatThrownBy(() -> new GraphSettings(1_000, 0)).hasMessageContaining("max-following");
    }
}
