package flock.mapstores;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import flock.domain.graph.ChunkIndex;
import flock.domain.graph.FollowList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The head of a follower list: its edges like any follow list, plus, once the list is split, the chunk
 * index in a row of its own ({@code follower_chunk_index}). A list never goes back to one value, so the
 * index row is written while there is an index and deleted only with the user.
 */
final class FollowerHeadMapStore extends CassandraMapStore<Long, FollowList> {
    private final FollowListMapStore<Long> edges;
    private final PreparedStatement writeIndex;
    private final PreparedStatement deleteIndex;
    private final PreparedStatement readIndex;

    FollowerHeadMapStore(CqlSession session) {
        super(session, "followers");
        this.edges = FollowListMapStore.byUser(session, "followers");
        this.writeIndex = session.prepare("INSERT INTO follower_chunk_index (user_id, starts, newest_max_edge,"
                + " newest_routed) VALUES (?, ?, ?, ?)");
        this.deleteIndex = session.prepare("DELETE FROM follower_chunk_index WHERE user_id = ?");
        this.readIndex = session.prepare(
                "SELECT starts, newest_max_edge, newest_routed FROM follower_chunk_index WHERE user_id = ?");
    }

    @Override
    void partitionTableStamp(LongSupplier stamp) {
        edges.partitionTableStamp(stamp);
    }

    @Override
    void write(AsyncWrites writes, Long userId, FollowList head) {
        edges.write(writes, userId, head);
        ChunkIndex index = head.index();
        if (index != null) {
            List<Long> starts = Arrays.stream(index.starts()).boxed().toList();
            writes.add(writeIndex.bind(userId, starts, index.newestMaxEdge(), index.newestRouted()));
        }
    }

    @Override
    void erase(AsyncWrites writes, Long userId) {
        edges.erase(writes, userId);
        writes.add(deleteIndex.bind(userId));
    }

    /**
     * An account nobody follows loads as an empty list, not as nothing: Hazelcast keeps no entry for a null,
     * so every tweet of such an account (most accounts have few followers or none) would send the fan-out's
     * follower lookup to Cassandra again, two queries a post.
     */
    @Override
    public FollowList load(Long userId) {
        FollowList head = edges.load(userId);
        Row row = session.execute(readIndex.bind(userId)).one();
        if (row == null) {
            return head == null ? FollowList.EMPTY : head;
        }
        long[] starts = row.getList("starts", Long.class).stream()
                .mapToLong(Long::longValue)
                .toArray();
        ChunkIndex index = new ChunkIndex(starts, row.getLong("newest_max_edge"), row.getInt("newest_routed"));
        return head == null
                ? new FollowList(new long[0], new long[0], index)
                : new FollowList(head.userIds(), head.edgeIds(), index);
    }
}
