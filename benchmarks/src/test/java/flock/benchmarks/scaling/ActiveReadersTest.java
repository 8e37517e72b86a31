package flock.benchmarks.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ActiveReadersTest {

    @Test
    void should_draw_the_same_distinct_readers_at_a_size_every_time() {
        int[] readers = ScalingRun.activeReaders(1_000_000);

        assertThat(readers).hasSize(ScalingRun.ACTIVE_READERS).doesNotHaveDuplicates();
        assertThat(Arrays.stream(readers).allMatch(user -> user >= 0 && user < 1_000_000))
                .as("every reader is a user of the dataset")
                .isTrue();
        assertThat(ScalingRun.activeReaders(1_000_000)).as("drawn again").containsExactly(readers);
    }

    @Test
    void should_take_every_user_when_there_are_fewer_than_the_readers_asked_for() {
        assertThat(ScalingRun.activeReaders(500)).hasSize(500).doesNotHaveDuplicates();
    }
}
