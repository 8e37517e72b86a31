package flock.apinode.http;

import flock.apinode.account.Accounts;
import flock.apinode.graph.Graph;
import flock.apinode.paging.PageRequest;
import flock.apinode.render.Views;
import flock.apinode.safety.Blocks;
import flock.apinode.safety.Mutes;
import flock.domain.FlockException;
import flock.domain.engagement.EdgePage;
import flock.domain.graph.FollowList;
import flock.domain.safety.MuteList;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /api/v1/users/{id}/blocking}, {@code .../muting} and {@code .../relationships}: keeping accounts away, and how
 * a user stands with others. All of it is private: only the user's own token reads or changes it.
 */
public final class SafetyApi implements HttpService {
    /** The most accounts one relationships call asks about, as a page's limit. */
    static final int MAX_RELATIONSHIPS = PageRequest.MAX_LIMIT;

    private final Accounts accounts;
    private final Graph graph;
    private final Blocks blocks;
    private final Mutes mutes;
    private final Views views;

    public SafetyApi(Accounts accounts, Graph graph, Blocks blocks, Mutes mutes, Views views) {
        this.accounts = accounts;
        this.graph = graph;
        this.blocks = blocks;
        this.mutes = mutes;
        this.views = views;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.put("/{id}/blocking/{targetId}", this::block)
                .delete("/{id}/blocking/{targetId}", this::unblock)
                .get("/{id}/blocking", this::blocking)
                .put("/{id}/muting/{targetId}", this::mute)
                .delete("/{id}/muting/{targetId}", this::unmute)
                .get("/{id}/muting", this::muting)
                .get("/{id}/relationships", this::relationships);
    }

    /** Blocks the target: the follows between the two go, both ways, and the target can no longer act on the user. */
    private void block(ServerRequest request, ServerResponse response) {
        long id = owner(request);
        graph.block(id, Responses.pathId(request, "targetId"));
        response.status(204).send();
    }

    private void unblock(ServerRequest request, ServerResponse response) {
        long id = owner(request);
        graph.unblock(id, Responses.pathId(request, "targetId"));
        response.status(204).send();
    }

    private void blocking(ServerRequest request, ServerResponse response) {
        long id = owner(request);
        PageRequest page = PageParameters.from(request.query());
        Responses.json(response, 200, views.userPage(graph.blockingPage(id, page), page.limit()));
    }

    /** Mutes the target, for good or for {@code durationSeconds} of an optional JSON body. */
    private void mute(ServerRequest request, ServerResponse response) {
        long id = owner(request);
        long targetId = Responses.pathId(request, "targetId");
        Optional<Duration> duration =
                request.content().hasEntity() ? durationOf(Responses.jsonBody(request)) : Optional.empty();
        accounts.require(targetId);
        mutes.mute(id, targetId, duration);
        response.status(204).send();
    }

    private static Optional<Duration> durationOf(JsonObject body) {
        JsonValue value = body.get("durationSeconds");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw FlockException.invalid("durationSeconds: must be a whole number of seconds, was " + value);
        }
        return Optional.of(Duration.ofSeconds(number.longValue()));
    }

    private void unmute(ServerRequest request, ServerResponse response) {
        long id = owner(request);
        mutes.unmute(id, Responses.pathId(request, "targetId"));
        response.status(204).send();
    }

    private void muting(ServerRequest request, ServerResponse response) {
        long id = owner(request);
        PageRequest page = PageParameters.from(request.query());
        EdgePage muted = mutes.page(id, page);
        Responses.json(response, 200, views.userPage(new FollowList(muted.otherIds(), muted.edgeIds()), page.limit()));
    }

    /** {@code ?ids=a,b,...}: for each, whether the user follows it, is followed by it, blocks it, mutes it. */
    private void relationships(ServerRequest request, ServerResponse response) {
        long id = owner(request);
        long[] others = idsOf(request.query().first("ids").orElse(""));
        Set<Long> asked = new LinkedHashSet<>();
        Arrays.stream(others).forEach(asked::add);
        FollowList following = graph.allFollowing(id);
        Set<Long> followers = graph.followedBy(id, asked);
        MuteList muted = mutes.of(id);
        long now = System.currentTimeMillis();
        List<Views.Relationship> relationships = Arrays.stream(others)
                .mapToObj(other -> new Views.Relationship(
                        other,
                        following.contains(other),
                        followers.contains(other),
                        blocks.blocks(id, other),
                        muted.mutes(other, now)))
                .toList();
        Responses.json(response, 200, Views.relationships(relationships));
    }

    private static long[] idsOf(String list) {
        if (list.isBlank()) {
            throw FlockException.invalid("ids: name 1 to " + MAX_RELATIONSHIPS + " account ids, separated by commas");
        }
        String[] parts = list.split(",", -1);
        if (parts.length > MAX_RELATIONSHIPS) {
            throw FlockException.invalid(
                    "ids: at most " + MAX_RELATIONSHIPS + " account ids per call, was " + parts.length);
        }
        return Arrays.stream(parts)
                .mapToLong(part -> Ids.parse("ids", part.trim()))
                .distinct()
                .toArray();
    }

    /** The path's user, who must be the token's: blocks, mutes and relationships are private. */
    private long owner(ServerRequest request) {
        long id = Responses.pathId(request, "id");
        Accounts.requireSelf(Admission.authenticate(request, accounts), id);
        return id;
    }
}
