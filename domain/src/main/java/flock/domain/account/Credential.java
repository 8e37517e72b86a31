package flock.domain.account;

import java.util.Objects;

/**
 * What the grid keeps of a user's bearer token: only its SHA-256 hash. The token itself carries 256
 * random bits, so a fast hash is enough; a slow password hash would only add latency to every write.
 */
public record Credential(long userId, byte[] tokenHash) {
    public static final int HASH_LENGTH = 32;

    public Credential {
        Objects.requireNonNull(tokenHash, "tokenHash");
        if (tokenHash.length != HASH_LENGTH) {
            throw new IllegalArgumentException("tokenHash must be " + HASH_LENGTH + " bytes");
        }
    }
}
