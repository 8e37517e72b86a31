package flock.domain.account;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

/** Compact form of {@link Credential}. */
public final class CredentialSerializer implements CompactSerializer<Credential> {
    @Override
    public Credential read(CompactReader reader) {
        return new Credential(reader.readInt64("userId"), reader.readArrayOfInt8("tokenHash"));
    }

    @Override
    public void write(CompactWriter writer, Credential credential) {
        writer.writeInt64("userId", credential.userId());
        writer.writeArrayOfInt8("tokenHash", credential.tokenHash());
    }

    @Override
    public String getTypeName() {
        return "flock.Credential";
    }

    @Override
    public Class<Credential> getCompactClass() {
        return Credential.class;
    }
}
