package flock.mapstores;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import flock.domain.safety.MuteList;
import java.nio.ByteBuffer;

/**
 * Write-behind store of the accounts each user mutes ({@code muting}): the whole list as one blob per user, each mute
 * three longs (account, edge id, end). Lists are short and change rarely, so rewriting one is cheaper than keeping a
 * row per mute, and a cell overwritten leaves no tombstone behind (a list column would). Mutes that ended are dropped
 * when the list is written.
 */
final class MuteListMapStore extends CassandraMapStore<Long, MuteList> {
    private static final int LONGS_PER_MUTE = 3;

    private final PreparedStatement insert;
    private final PreparedStatement delete;
    private final PreparedStatement select;

    MuteListMapStore(CqlSession session) {
        super(session, "muting");
        this.insert = session.prepare("INSERT INTO muting (user_id, mutes) VALUES (?, ?)");
        this.delete = session.prepare("DELETE FROM muting WHERE user_id = ?");
        this.select = session.prepare("SELECT mutes FROM muting WHERE user_id = ?");
    }

    @Override
    void write(AsyncWrites writes, Long userId, MuteList mutes) {
        MuteList on = mutes.without(0, System.currentTimeMillis()); // 0 names no account: drops only the ended mutes
        writes.add(on.size() == 0 ? delete.bind(userId) : insert.bind(userId, encode(on)));
    }

    @Override
    void erase(AsyncWrites writes, Long userId) {
        writes.add(delete.bind(userId));
    }

    /**
     * A user who mutes nobody loads as an empty list, not as nothing: Hazelcast keeps no entry for a null, and every
     * home page of that user asks for the list.
     */
    @Override
    public MuteList load(Long userId) {
        Row row = session.execute(select.bind(userId)).one();
        return row == null || row.isNull("mutes") ? MuteList.EMPTY : decode(row.getByteBuffer("mutes"));
    }

    static ByteBuffer encode(MuteList mutes) {
        ByteBuffer out = ByteBuffer.allocate(mutes.size() * LONGS_PER_MUTE * Long.BYTES);
        for (int i = 0; i < mutes.size(); i++) {
            out.putLong(mutes.accountIds()[i]).putLong(mutes.edgeIds()[i]).putLong(mutes.untilMillis()[i]);
        }
        return out.flip();
    }

    static MuteList decode(ByteBuffer blob) {
        ByteBuffer in = blob.duplicate();
        int count = in.remaining() / (LONGS_PER_MUTE * Long.BYTES);
        long[] accounts = new long[count];
        long[] edges = new long[count];
        long[] ends = new long[count];
        for (int i = 0; i < count; i++) {
            accounts[i] = in.getLong();
            edges[i] = in.getLong();
            ends[i] = in.getLong();
        }
        return new MuteList(accounts, edges, ends);
    }
}
