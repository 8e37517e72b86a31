package flock.apinode.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.IndeterminateOperationStateException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeterminateTest {
    @Test
    void should_run_a_write_again_while_the_grid_cannot_say_whether_it_applied() {
        AtomicInteger runs = new AtomicInteger();

        Determinate.run(() -> {
            if (runs.incrementAndGet() == 1) {
                throw new IndeterminateOperationStateException("backup lost");
            }
            if (runs.get() == 2) {
                throw new CompletionException(new IndeterminateOperationStateException("in a joined future"));
            }
        });

        assertThat(runs).hasValue(3);
    }

    @Test
    void should_give_up_after_its_attempts_with_the_grid_fault() {
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> Determinate.run(() -> {
                    runs.incrementAndGet();
                    throw new IndeterminateOperationStateException("never confirmed");
                }))
                .isInstanceOf(IndeterminateOperationStateException.class);
        assertThat(runs).hasValue(Determinate.ATTEMPTS);
    }

    @Test
    void should_not_repeat_a_write_that_failed_for_any_other_reason() {
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> Determinate.run(() -> {
                    runs.incrementAndGet();
                    throw new IllegalStateException("refused");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(runs).hasValue(1);
    }
}
