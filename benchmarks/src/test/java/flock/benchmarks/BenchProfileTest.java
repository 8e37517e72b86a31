package flock.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import flock.benchmarks.http.Mix;
import flock.benchmarks.http.RateSearch;
import flock.benchmarks.http.Target;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchProfileTest {

    @Test
    void should_warm_a_systems_first_mix_with_posts_up_longer_than_the_others() {
        BenchProfile full = BenchProfile.FULL;

        assertThat(full.warmUpFor(Mix.HOME_ONLY, false)).isEqualTo(full.warmUp());
        assertThat(full.warmUpFor(Mix.DEATH_STAR_BENCH, false)).isEqualTo(BenchProfile.FIRST_POSTS_WARM_UP);
        assertThat(full.warmUpFor(Mix.READ_HEAVY, true)).isEqualTo(full.warmUp());
        assertThat(full.warmUpFor(Mix.HOME_ONLY, true)).isEqualTo(full.warmUp());
        assertThat(BenchProfile.FIRST_POSTS_WARM_UP).isGreaterThan(full.warmUp());
    }

    @Test
    void should_keep_a_warm_up_asked_for_when_it_is_longer() {
        BenchProfile focused = BenchProfile.FULL.withWarmUp(Duration.ofSeconds(40));

        assertThat(focused.warmUpFor(Mix.DEATH_STAR_BENCH, false)).isEqualTo(Duration.ofSeconds(40));
        assertThat(focused.warmUpFor(Mix.POSTS_ONLY, true)).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void should_search_the_compared_figures_three_times_and_the_others_once() {
        BenchProfile full = BenchProfile.FULL;

        assertThat(full.planFor(Target.CEILING, Mix.HOME_ONLY)).isEqualTo(new RateSearch.Plan(3, 1));
        assertThat(full.planFor(Target.FLOCK_HYBRID, Mix.HOME_ONLY)).isEqualTo(new RateSearch.Plan(3, 1));
        assertThat(full.planFor(Target.FLOCK_HYBRID, Mix.READ_HEAVY)).isEqualTo(new RateSearch.Plan(3, 1));
        assertThat(full.planFor(Target.REDIS, Mix.DEATH_STAR_BENCH)).isEqualTo(new RateSearch.Plan(3, 1));
        assertThat(full.planFor(Target.REDIS, Mix.HOME_ONLY)).isEqualTo(new RateSearch.Plan(1, 1));
        assertThat(full.planFor(Target.FLOCK_HYBRID, Mix.POSTS_ONLY)).isEqualTo(new RateSearch.Plan(1, 1));
        assertThat(full.planFor(Target.PULL, Mix.DEATH_STAR_BENCH)).isEqualTo(new RateSearch.Plan(1, 1));
        assertThat(BenchProfile.QUICK.planFor(Target.CEILING, Mix.HOME_ONLY)).isEqualTo(new RateSearch.Plan(1, 0));
        assertThat(full.systems()).doesNotContain("push").contains("ceiling", "redis", "pull", "hybrid");
    }
}
