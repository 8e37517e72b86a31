package flock.domain.account;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

/** Compact form of {@link User}. Field names are the SQL column names analysts see. */
public final class UserSerializer implements CompactSerializer<User> {
    @Override
    public User read(CompactReader reader) {
        return new User(
                reader.readInt64("id"),
                reader.readString("handle"),
                reader.readString("displayName"),
                reader.readInt64("createdAt"));
    }

    @Override
    public void write(CompactWriter writer, User user) {
        writer.writeInt64("id", user.id());
        writer.writeString("handle", user.handle());
        writer.writeString("displayName", user.displayName());
        writer.writeInt64("createdAt", user.createdAt());
    }

    @Override
    public String getTypeName() {
        return "flock.User";
    }

    @Override
    public Class<User> getCompactClass() {
        return User.class;
    }
}
