package flock.mapstores;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import flock.domain.account.Credential;
import java.nio.ByteBuffer;

/** Write-behind store of token hashes ({@code credentials} table). */
final class CredentialMapStore extends CassandraMapStore<Long, Credential> {
    private final PreparedStatement insert;
    private final PreparedStatement delete;
    private final PreparedStatement select;

    CredentialMapStore(CqlSession session) {
        super(session, "credentials");
        this.insert = session.prepare("INSERT INTO credentials (user_id, token_hash) VALUES (?, ?)");
        this.delete = session.prepare("DELETE FROM credentials WHERE user_id = ?");
        this.select = session.prepare("SELECT token_hash FROM credentials WHERE user_id = ?");
    }

    @Override
    void write(AsyncWrites writes, Long userId, Credential credential) {
        writes.add(insert.bind(userId, ByteBuffer.wrap(credential.tokenHash())));
    }

    @Override
    void erase(AsyncWrites writes, Long userId) {
        writes.add(delete.bind(userId));
    }

    @Override
    public Credential load(Long userId) {
        Row row = session.execute(select.bind(userId)).one();
        if (row == null) {
            return null;
        }
        ByteBuffer buffer = row.getByteBuffer("token_hash");
        byte[] hash = new byte[buffer.remaining()];
        buffer.get(hash);
        return new Credential(userId, hash);
    }
}
