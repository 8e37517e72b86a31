package flock.mapstores;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import flock.domain.account.User;
import java.time.Instant;

/** Write-behind store and read-through loader of user profiles ({@code users} table). */
final class UserMapStore extends CassandraMapStore<Long, User> {
    private final PreparedStatement insert;
    private final PreparedStatement delete;
    private final PreparedStatement select;

    UserMapStore(CqlSession session) {
        super(session, "users");
        this.insert = session.prepare("INSERT INTO users (id, handle, display_name, created_at) VALUES (?, ?, ?, ?)");
        this.delete = session.prepare("DELETE FROM users WHERE id = ?");
        this.select = session.prepare("SELECT id, handle, display_name, created_at FROM users WHERE id = ?");
    }

    @Override
    void write(AsyncWrites writes, Long id, User user) {
        writes.add(insert.bind(user.id(), user.handle(), user.displayName(), Instant.ofEpochMilli(user.createdAt())));
    }

    @Override
    void erase(AsyncWrites writes, Long id) {
        writes.add(delete.bind(id));
    }

    @Override
    public User load(Long id) {
        Row row = session.execute(select.bind(id)).one();
        if (row == null) {
            return null;
        }
        return new User(
                row.getLong("id"),
                row.getString("handle"),
                row.getString("display_name"),
                row.getInstant("created_at").toEpochMilli());
    }
}
