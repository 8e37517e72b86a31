package flock.domain.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A follower list split into chunks, driven the way the API node drives it: the head first, then a chunk. */
class FollowerChunksTest {
    private static final long ACCOUNT = 1;
    private static final int CAPACITY = 4;

    private final SimpleEntry<Long, FollowList> head = new SimpleEntry<>(ACCOUNT, null);
    private final Map<Integer, SimpleEntry<FollowerChunkKey, FollowList>> chunks = new HashMap<>();

    @Test
    void should_keep_a_small_list_in_its_head() {
        for (int follower = 1; follower <= CAPACITY; follower++) {
            assertThat(follow(follower, follower * 10L)).isEqualTo(new AddFollower.Placed(0, follower));
        }
        assertThat(head.getValue().index()).isNull();
        assertThat(chunks).isEmpty();
    }

    @Test
    void should_open_chunks_of_the_capacity_once_the_head_is_full() {
        for (int follower = 1; follower <= 11; follower++) {
            follow(follower, follower * 10L);
        }
        assertThat(head.getValue().userIds()).containsExactly(1, 2, 3, 4);
        assertThat(chunk(1).userIds()).containsExactly(5, 6, 7, 8);
        assertThat(chunk(2).userIds()).containsExactly(9, 10, 11);
        assertThat(head.getValue().index().starts()).containsExactly(50, 90);
        assertThat(follow(12, 120).followers()).isEqualTo(12);
    }

    @Test
    void should_keep_every_edge_inside_its_chunks_range_when_edge_ids_arrive_out_of_order() {
        long[] edges = {50, 10, 40, 20, 90, 30, 60, 55, 80, 70, 65, 100, 95, 85};
        for (int i = 0; i < edges.length; i++) {
            follow(i + 1, edges[i]);
        }
        ChunkIndex index = head.getValue().index();
        assertThat(edgesIn(head.getValue())).allMatch(edge -> index.chunkOf(edge) == 0);
        chunks.forEach((number, entry) ->
                assertThat(edgesIn(entry.getValue())).allMatch(edge -> index.chunkOf(edge) == number));
        assertThat(allFollowers()).hasSize(edges.length).doesNotHaveDuplicates();
    }

    @Test
    void should_land_a_retried_follow_in_the_same_chunk_once() {
        for (int follower = 1; follower <= 9; follower++) {
            follow(follower, follower * 10L);
        }
        follow(6, 60);
        follow(2, 20);
        assertThat(allFollowers()).hasSize(9).doesNotHaveDuplicates();
    }

    @Test
    void should_find_an_unfollowed_edge_from_its_id_and_reuse_the_room_in_the_newest_chunk() {
        for (int follower = 1; follower <= 8; follower++) {
            follow(follower, follower * 10L);
        }
        unfollow(7, 70);
        unfollow(2, 20);
        assertThat(allFollowers()).containsExactlyInAnyOrder(1L, 3L, 4L, 5L, 6L, 8L);
        follow(9, 90);
        assertThat(head.getValue().chunks()).isEqualTo(1);
        assertThat(chunk(1).userIds()).containsExactly(5, 6, 8, 9);
    }

    @Test
    void should_cap_a_list_of_accounts_followed_and_answer_the_existing_edge_to_a_retry() {
        SimpleEntry<Long, FollowList> following = new SimpleEntry<>(5L, null);
        assertThat(new AddFollow<Long>(7, 100, 2).process(following)).isEqualTo(100L);
        assertThat(new AddFollow<Long>(8, 200, 2).process(following)).isEqualTo(200L);
        assertThat(new AddFollow<Long>(7, 300, 2).process(following)).isEqualTo(100L);
        assertThat(new AddFollow<Long>(9, 400, 2).process(following)).isNull();
        assertThat(following.getValue().userIds()).containsExactly(7, 8);
        assertThat(new ReadFollowEdge(8).process(following)).isEqualTo(200L);
        assertThat(new ReadFollowEdge(9).process(following)).isNull();
    }

    private AddFollower.Placed follow(long follower, long edgeId) {
        AddFollower.Placed placed = new AddFollower(follower, edgeId, CAPACITY).process(head);
        if (placed.chunk() > 0) {
            AddFollow.<FollowerChunkKey>uncapped(follower, edgeId).process(chunkEntry(placed.chunk()));
        }
        return placed;
    }

    private void unfollow(long follower, long edgeId) {
        int chunk = new RemoveFollower(follower, edgeId).process(head);
        if (chunk > 0) {
            new RemoveFollow<FollowerChunkKey>(follower).process(chunkEntry(chunk));
        }
    }

    private SimpleEntry<FollowerChunkKey, FollowList> chunkEntry(int chunk) {
        return chunks.computeIfAbsent(chunk, number -> new SimpleEntry<>(new FollowerChunkKey(ACCOUNT, number), null));
    }

    private FollowList chunk(int chunk) {
        return chunks.get(chunk).getValue();
    }

    private List<Long> allFollowers() {
        List<Long> all = new ArrayList<>();
        for (long follower : head.getValue().userIds()) {
            all.add(follower);
        }
        chunks.values().forEach(entry -> {
            for (long follower : entry.getValue().userIds()) {
                all.add(follower);
            }
        });
        return all;
    }

    private static List<Long> edgesIn(FollowList list) {
        List<Long> edges = new ArrayList<>();
        for (long edge : list.edgeIds()) {
            edges.add(edge);
        }
        return edges;
    }
}
