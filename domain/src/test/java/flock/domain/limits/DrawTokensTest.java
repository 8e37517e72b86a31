package flock.domain.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.AbstractMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DrawTokensTest {
    private static final long HOUR = 3_600_000;

    @Test
    void should_start_new_buckets_full_and_record_what_each_client_spent() {
        Map.Entry<Integer, RateShard> entry = new AbstractMap.SimpleEntry<>(7, null);

        double[] left = new DrawTokens(
                        new String[] {"u:1", "a:10.0.0.1"}, new int[] {3, 1}, new int[] {10, 5}, new long[] {HOUR, HOUR
                        })
                .process(entry);

        assertThat(left).containsExactly(7.0, 4.0);
        assertThat(entry.getValue().size()).isEqualTo(2);
        assertThat(DrawTokens.read("u:1", 10, HOUR).process(entry)[0]).isCloseTo(7.0, within(0.01));
    }

    @Test
    void should_refill_in_proportion_to_the_time_passed_up_to_the_capacity() {
        RateShard shard = new RateShard();
        long now = 1_000_000;
        shard.draw("u:1", 8, 10, HOUR, now);

        assertThat(shard.draw("u:1", 0, 10, HOUR, now + HOUR / 10)).isCloseTo(3.0, within(1e-9));
        assertThat(shard.draw("u:1", 0, 10, HOUR, now + HOUR)).isEqualTo(10.0);
    }

    @Test
    void should_only_read_and_send_no_backup_when_nothing_was_spent() {
        Map.Entry<Integer, RateShard> empty = new AbstractMap.SimpleEntry<>(7, null);
        DrawTokens read = DrawTokens.read("a:x", 10, HOUR);

        assertThat(read.process(empty)).containsExactly(10.0);
        assertThat(empty.getValue()).as("a read creates no shard").isNull();
        assertThat(read.getBackupProcessor()).isNull();
    }

    @Test
    void should_floor_the_debt_of_over_admission_at_one_bucket() {
        RateShard shard = new RateShard();

        assertThat(shard.draw("u:1", 50, 10, HOUR, 1_000)).isEqualTo(-10.0);
    }

    @Test
    void should_drop_buckets_that_refilled_when_it_sweeps() {
        RateShard shard = new RateShard();
        shard.draw("u:busy", 10, 10, HOUR, 0);
        shard.draw("u:light", 1, 10, 60_000, 0);

        shard.sweep(RateShard.SWEEP_EVERY_MILLIS + 1);

        assertThat(shard.size())
                .as("the light user's bucket refilled within a minute")
                .isEqualTo(1);
        assertThat(shard.draw("u:busy", 0, 10, HOUR, RateShard.SWEEP_EVERY_MILLIS + 1))
                .isLessThan(10.0);
    }
}
