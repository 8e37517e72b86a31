package flock.apinode.account;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.flakeidgen.FlakeIdGenerator;
import com.hazelcast.map.IMap;
import flock.domain.ErrorCode;
import flock.domain.FlockException;
import flock.domain.MapNames;
import flock.domain.account.Credential;
import flock.domain.account.Handles;
import flock.domain.account.User;
import java.util.Optional;
import java.util.OptionalLong;

/** Sign-up, profiles and bearer-token checks, over the users, handles and credentials maps. */
public final class Accounts {
    private final IMap<Long, User> users;
    private final IMap<String, Long> handles;
    private final IMap<Long, Credential> credentials;
    private final FlakeIdGenerator ids;

    /** A new account and the only copy of its token that will ever exist. */
    public record SignUp(User user, String token) {}

    public Accounts(HazelcastInstance grid) {
        this.users = grid.getMap(MapNames.USERS);
        this.handles = grid.getMap(MapNames.HANDLES);
        this.credentials = grid.getMap(MapNames.CREDENTIALS);
        this.ids = grid.getFlakeIdGenerator(MapNames.ID_GENERATOR);
    }

    /**
     * Claims the handle first (putIfAbsent on the owner is the uniqueness check, also across restarts:
     * the handle map reads through to Cassandra), then stores the credential before the profile, so a
     * visible user can always authenticate.
     */
    public SignUp signUp(String rawHandle, String rawDisplayName) {
        String handle = Handles.validate(rawHandle);
        String displayName = Handles.validateDisplayName(rawDisplayName);
        long id = ids.newId();
        Long owner = handles.putIfAbsent(Handles.key(handle), id);
        if (owner != null) {
            throw new FlockException(ErrorCode.CONFLICT, "handle: '" + handle + "' is already taken");
        }
        String token = Tokens.newToken(id);
        credentials.set(id, new Credential(id, Tokens.hash(token)));
        User user = new User(id, handle, displayName, System.currentTimeMillis());
        users.set(id, user);
        return new SignUp(user, token);
    }

    public Optional<User> find(long id) {
        return Optional.ofNullable(users.get(id));
    }

    public User require(long id) {
        return find(id).orElseThrow(() -> FlockException.notFound("user " + id + " does not exist"));
    }

    public Optional<User> findByHandle(String handle) {
        if (handle.isEmpty() || handle.length() > 15) {
            return Optional.empty();
        }
        Long id = handles.get(Handles.key(handle));
        return id == null ? Optional.empty() : find(id);
    }

    /** The user a bearer token belongs to; 401 for a missing, malformed or unknown token. */
    public long authenticate(Optional<String> authorization) {
        String header = authorization.orElseThrow(() -> unauthorized("an Authorization: Bearer token is required"));
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized("the Authorization header must be 'Bearer <token>'");
        }
        return verifiedUser(header.substring(7).strip()).orElseThrow(() -> unauthorized("the token is not valid"));
    }

    /** The user a bearer token belongs to, if the header carries a valid one; never throws for a bad one. */
    public OptionalLong verify(Optional<String> authorization) {
        if (authorization.isEmpty() || !authorization.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
            return OptionalLong.empty();
        }
        return verifiedUser(authorization.get().substring(7).strip());
    }

    private OptionalLong verifiedUser(String token) {
        Optional<Long> userId = Tokens.claimedUser(token);
        if (userId.isEmpty()) {
            return OptionalLong.empty();
        }
        Credential credential = credentials.get(userId.get());
        return credential != null && Tokens.matches(token, credential)
                ? OptionalLong.of(userId.get())
                : OptionalLong.empty();
    }

    /**
     * Replaces the user's token with a new one and answers it: the token presented stops working on every
     * API node once this returns (the grid invalidates the credential in their near caches). A
     * compare-and-set on the stored hash: of two rotations with the same token only one wins, and the
     * other gets 401 like any token that is no longer valid.
     */
    public String rotateToken(Optional<String> authorization, long pathUser) {
        long userId = authenticate(authorization);
        requireSelf(userId, pathUser);
        Credential current = credentials.get(userId);
        String token = Tokens.newToken(userId);
        if (current == null || !credentials.replace(userId, current, new Credential(userId, Tokens.hash(token)))) {
            throw unauthorized("the token is not valid");
        }
        return token;
    }

    /** 403 unless the authenticated user is the one the path names. */
    public static void requireSelf(long actingUser, long pathUser) {
        if (actingUser != pathUser) {
            throw new FlockException(ErrorCode.FORBIDDEN, "the token belongs to another user than " + pathUser);
        }
    }

    private static FlockException unauthorized(String message) {
        return new FlockException(ErrorCode.UNAUTHORIZED, message);
    }
}
