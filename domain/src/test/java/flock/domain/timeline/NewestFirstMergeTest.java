package flock.domain.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class NewestFirstMergeTest {

    @Test
    void should_merge_lists_newest_first_without_duplicates() {
        long[][] lists = {{90, 50, 10}, {70, 50, 20}, {}, {95}};
        assertThat(NewestFirstMerge.merge(lists, 10)).containsExactly(95, 90, 70, 50, 20, 10);
    }

    @Test
    void should_stop_at_the_limit() {
        long[][] lists = {{9, 7, 5}, {8, 6, 4}};
        assertThat(NewestFirstMerge.merge(lists, 4)).containsExactly(9, 8, 7, 6);
    }

    @Test
    void should_answer_nothing_for_no_lists() {
        assertThat(NewestFirstMerge.merge(new long[0][], 20)).isEmpty();
    }

    @Test
    void should_agree_with_sorting_everything_on_random_lists() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            long[][] lists = new long[random.nextInt(12)][];
            TreeSet<Long> expected = new TreeSet<>();
            for (int i = 0; i < lists.length; i++) {
                lists[i] = random.longs(random.nextInt(30), 0, 200)
                        .distinct()
                        .boxed()
                        .sorted((a, b) -> Long.compare(b, a))
                        .mapToLong(Long::longValue)
                        .toArray();
                Arrays.stream(lists[i]).forEach(expected::add);
            }
            int limit = 1 + random.nextInt(60);
            long[] want = expected.descendingSet().stream()
                    .limit(limit)
                    .mapToLong(Long::longValue)
                    .toArray();
            assertThat(NewestFirstMerge.merge(lists, limit))
                    .as("round " + round)
                    .containsExactly(want);
        }
    }
}
