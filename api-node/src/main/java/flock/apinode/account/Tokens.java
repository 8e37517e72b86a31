package flock.apinode.account;

import flock.domain.account.Credential;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Bearer tokens: {@code <user id>.<256 random bits, base64url>}. The user id prefix lets a request be
 * checked with one key lookup; only the SHA-256 of the whole token is stored, and it is compared in
 * constant time so that response timing does not leak how much of a guess was right.
 *
 * <p>Public for bulk loaders (the benchmarks), which create accounts without the sign-up call.
 */
public final class Tokens {
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    public static String newToken(long userId) {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return userId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /**
     * A digest to copy for each hash: every request checks its token, and copying one is far cheaper than asking the
     * JDK's providers for a new one (which showed in the API node's profile of home pages).
     */
    private static final MessageDigest SHA_256 = sha256();

    public static byte[] hash(String token) {
        MessageDigest digest;
        try {
            digest = (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            digest = sha256(); // a provider whose digests cannot be copied
        }
        return digest.digest(token.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The user id a token claims to belong to, if it has the right shape. */
    public static Optional<Long> claimedUser(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0 || dot > 19) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(token.substring(0, dot)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static boolean matches(String token, Credential credential) {
        return MessageDigest.isEqual(hash(token), credential.tokenHash());
    }
}
