package flock.mapstores;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

/** Write-behind store of the handle index, lower-cased handle to user id ({@code handles} table). */
final class HandleMapStore extends CassandraMapStore<String, Long> {
    private final PreparedStatement insert;
    private final PreparedStatement delete;
    private final PreparedStatement select;

    HandleMapStore(CqlSession session) {
        super(session, "handles");
        this.insert = session.prepare("INSERT INTO handles (handle, user_id) VALUES (?, ?)");
        this.delete = session.prepare("DELETE FROM handles WHERE handle = ?");
        this.select = session.prepare("SELECT user_id FROM handles WHERE handle = ?");
    }

    @Override
    void write(AsyncWrites writes, String handle, Long userId) {
        writes.add(insert.bind(handle, userId));
    }

    @Override
    void erase(AsyncWrites writes, String handle) {
        writes.add(delete.bind(handle));
    }

    @Override
    public Long load(String handle) {
        Row row = session.execute(select.bind(handle)).one();
        return row == null ? null : row.getLong("user_id");
    }
}
