package flock.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.LongToIntFunction;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PartitionCallsTest {
    private static final int PARTITIONS = 271;
    private static final LongToIntFunction MODULO = key -> (int) Math.floorMod(key * 0x9E3779B97F4A7C15L, PARTITIONS);

    @Test
    void should_keep_a_small_batch_in_one_call_without_looking_up_a_partition() {
        long[] keys = LongStream.rangeClosed(1, 40).toArray();

        long[][] calls = PartitionCalls.split(
                keys,
                key -> {
                    throw new AssertionError("40 keys cost at most 1,600 visits: no lookup needed");
                },
                PARTITIONS,
                2_048);

        assertThat(calls).hasNumberOfRows(1);
        assertThat(calls[0]).containsExactlyInAnyOrder(keys);
    }

    @Test
    void should_send_every_key_once_with_no_call_over_the_bound() {
        SplittableRandom random = new SplittableRandom(3);
        for (int round = 0; round < 200; round++) {
            long[] keys = random.longs(random.nextInt(1, 3_000)).distinct().toArray();

            long[][] calls = PartitionCalls.split(keys, MODULO, PARTITIONS, 2_048);

            assertThat(Arrays.stream(calls)
                            .flatMapToLong(Arrays::stream)
                            .sorted()
                            .toArray())
                    .isEqualTo(LongStream.of(keys).sorted().toArray());
            Set<Integer> seen = new HashSet<>();
            for (long[] call : calls) {
                Set<Integer> partitions = partitionsOf(call);
                assertThat((long) call.length * partitions.size()).isLessThanOrEqualTo(2_048);
                for (int partition : partitions) {
                    assertThat(seen.add(partition))
                            .as("partition %d split across calls", partition)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void should_cut_a_thousand_feeds_over_every_partition_into_cheap_calls() {
        long[] keys = new SplittableRandom(5).longs(1_000).toArray();

        long[][] calls = PartitionCalls.split(keys, MODULO, PARTITIONS, 2_048);

        long visits = Arrays.stream(calls)
                .mapToLong(call -> (long) call.length * partitionsOf(call).size())
                .sum();
        assertThat(visits).as("one call would cost 1,000 x about 270").isLessThan(30_000);
        assertThat(calls.length).isLessThan(30);
    }

    @Test
    void should_give_a_partition_with_more_keys_than_the_bound_a_call_of_its_own() {
        long[] crowded = LongStream.range(0, 3_000).map(i -> i * PARTITIONS).toArray(); // all in one partition
        long[] keys = LongStream.concat(LongStream.of(crowded), LongStream.of(1, 2, 3))
                .toArray();

        long[][] calls = PartitionCalls.split(keys, key -> (int) Math.floorMod(key, PARTITIONS), PARTITIONS, 2_048);

        assertThat(Arrays.asList(calls)).anySatisfy(call -> assertThat(call).containsExactlyInAnyOrder(crowded));
        assertThat(Arrays.stream(calls).mapToInt(call -> call.length).sum()).isEqualTo(keys.length);
    }

    private static Set<Integer> partitionsOf(long[] call) {
        Set<Integer> partitions = new HashSet<>();
        for (long key : call) {
            partitions.add(MODULO.applyAsInt(key));
        }
        return partitions;
    }
}
