package flock.mapstores;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import flock.domain.media.Media;
import java.time.Instant;

/** Write-behind store of media metadata ({@code media} table); the bytes are in the object store. */
final class MediaMapStore extends CassandraMapStore<Long, Media> {
    private final PreparedStatement insert;
    private final PreparedStatement delete;
    private final PreparedStatement select;

    MediaMapStore(CqlSession session) {
        super(session, "media");
        this.insert =
                session.prepare("INSERT INTO media (id, owner_id, content_type, size, state, created_at, tweet_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)");
        this.delete = session.prepare("DELETE FROM media WHERE id = ?");
        this.select = session.prepare(
                "SELECT owner_id, content_type, size, state, created_at, tweet_id FROM media WHERE id = ?");
    }

    @Override
    void write(AsyncWrites writes, Long id, Media media) {
        writes.add(insert.bind(
                id,
                media.ownerId(),
                media.contentType(),
                media.size(),
                media.state().name(),
                Instant.ofEpochMilli(media.createdAtMillis()),
                media.tweetId()));
    }

    @Override
    void erase(AsyncWrites writes, Long id) {
        writes.add(delete.bind(id));
    }

    @Override
    public Media load(Long id) {
        Row row = session.execute(select.bind(id)).one();
        if (row == null) {
            return null;
        }
        return new Media(
                id,
                row.getLong("owner_id"),
                row.getString("content_type"),
                row.getLong("size"),
                Media.State.valueOf(row.getString("state")),
                row.getInstant("created_at").toEpochMilli(),
                row.getLong("tweet_id"));
    }
}
