package flock.mapstores;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LastStoredTest {
    private final AtomicLong stamp = new AtomicLong(7);
    private final LastStored<String, long[]> lastStored = new LastStored<>("test", edges -> edges.length, 10);

    @Test
    void should_hold_nothing_before_the_member_gives_its_partition_table_stamp() {
        lastStored.end(lastStored.begin("a"), new long[] {1});

        assertThat(lastStored.begin("a").known()).isNull();
    }

    @Test
    void should_give_back_what_was_written_while_the_partition_table_stays() {
        lastStored.stampFrom(stamp::get);
        long[] written = {1, 2};
        lastStored.end(lastStored.begin("a"), written);

        assertThat(lastStored.begin("a").known()).isSameAs(written);
    }

    @Test
    void should_forget_what_was_written_once_a_partition_changed_owner() {
        lastStored.stampFrom(stamp::get);
        lastStored.end(lastStored.begin("a"), new long[] {1});

        stamp.incrementAndGet();

        assertThat(lastStored.begin("a").known()).isNull();
        assertThat(lastStored.size()).isZero();
    }

    @Test
    void should_not_hold_a_write_during_which_a_partition_changed_owner() {
        lastStored.stampFrom(stamp::get);
        LastStored.Use<String, long[]> use = lastStored.begin("a");
        stamp.incrementAndGet();
        lastStored.end(use, new long[] {1});

        assertThat(lastStored.begin("a").known()).isNull();
    }

    @Test
    void should_forget_the_key_when_a_write_failed() {
        lastStored.stampFrom(stamp::get);
        lastStored.end(lastStored.begin("a"), new long[] {1});

        lastStored.end(lastStored.begin("a"), null);

        assertThat(lastStored.begin("a").known()).isNull();
    }

    @Test
    void should_trust_neither_of_two_uses_of_a_key_that_overlapped() {
        lastStored.stampFrom(stamp::get);
        lastStored.end(lastStored.begin("a"), new long[] {1});
        LastStored.Use<String, long[]> load = lastStored.begin("a");
        LastStored.Use<String, long[]> write = lastStored.begin("a");

        assertThat(write.known()).as("another use of the key is under way").isNull();
        lastStored.end(write, new long[] {1, 2});
        lastStored.end(load, new long[] {1});

        assertThat(lastStored.begin("a").known()).isNull();
    }

    @Test
    void should_let_the_least_recently_used_go_past_the_bound_of_edges() {
        lastStored.stampFrom(stamp::get);
        lastStored.end(lastStored.begin("a"), new long[4]);
        lastStored.end(lastStored.begin("b"), new long[4]);
        lastStored.end(lastStored.begin("a"), new long[4]); // used again: b is now the oldest

        lastStored.end(lastStored.begin("c"), new long[4]);

        assertThat(lastStored.begin("b").known()).isNull();
        assertThat(lastStored.begin("c").known()).isNotNull();
    }
}
