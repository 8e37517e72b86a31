package flock.domain.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A bulk layout must equal what one AddFollower per edge leaves behind, chunk for chunk. */
class FollowerLayoutTest {
    private static final long USER = 77;
    private static final int CAPACITY = 4;

    @Test
    void should_lay_out_a_list_as_one_follow_at_a_time_would() {
        long[] fans = new long[11];
        long[] edges = new long[11];
        FollowList head = FollowList.EMPTY;
        Map<FollowerChunkKey, FollowList> chunks = new java.util.HashMap<>();
        for (int i = 0; i < fans.length; i++) {
            fans[i] = 1_000 + i;
            edges[i] = 5_000 + i * 3L;
            AddFollower add = new AddFollower(fans[i], edges[i], CAPACITY);
            var entry = new java.util.AbstractMap.SimpleEntry<>(USER, head);
            AddFollower.Placed placed = add.process(entry);
            head = entry.getValue();
            if (placed.chunk() > 0) {
                FollowerChunkKey key = new FollowerChunkKey(USER, placed.chunk());
                chunks.put(key, chunks.getOrDefault(key, FollowList.EMPTY).with(fans[i], edges[i]));
            }
        }

        FollowerLayout layout = FollowerLayout.of(USER, fans, edges, CAPACITY);

        assertThat(layout.head()).isEqualTo(head);
        assertThat(layout.chunks()).isEqualTo(chunks);
    }

    @Test
    void should_keep_a_short_list_in_one_value() {
        FollowerLayout layout = FollowerLayout.of(USER, new long[] {1, 2}, new long[] {10, 20}, CAPACITY);

        assertThat(layout.head()).isEqualTo(new FollowList(new long[] {1, 2}, new long[] {10, 20}));
        assertThat(layout.chunks()).isEmpty();
    }
}
