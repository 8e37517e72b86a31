package flock.apinode.http;

import flock.apinode.account.Accounts;
import flock.apinode.engagement.Likes;
import flock.apinode.notification.Notifications;
import flock.apinode.paging.PageRequest;
import flock.apinode.render.JsonOut;
import flock.apinode.render.NotificationPages;
import flock.apinode.safety.Visibility;
import flock.domain.FlockException;
import flock.domain.notification.NotificationKind;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * {@code /api/v1/notifications}: the token's user's notifications ({@code ?types=} filters by kind), the unread count
 * ({@code /unread}) and the read marker ({@code POST /read {"upToId"}}). Private: there is no other user's to read.
 */
public final class NotificationsApi implements HttpService {
    private final Accounts accounts;
    private final Notifications notifications;
    private final NotificationPages pages;
    private final Likes likes;
    private final Visibility visibility;

    public NotificationsApi(
            Accounts accounts,
            Notifications notifications,
            NotificationPages pages,
            Likes likes,
            Visibility visibility) {
        this.accounts = accounts;
        this.notifications = notifications;
        this.pages = pages;
        this.likes = likes;
        this.visibility = visibility;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::page).get("/unread", this::unread).post("/read", this::markRead);
    }

    private void page(ServerRequest request, ServerResponse response) {
        long userId = Admission.authenticate(request, accounts);
        PageRequest page = PageParameters.from(request.query());
        int kinds = kindsOf(request.query().first("types").orElse(""));
        Responses.json(
                response,
                200,
                pages.render(
                        notifications.page(userId, page, kinds),
                        page.limit(),
                        likes.shownTo(Optional.of(userId)),
                        visibility.inNotifications(userId)));
    }

    private void unread(ServerRequest request, ServerResponse response) {
        long userId = Admission.authenticate(request, accounts);
        Responses.json(
                response,
                200,
                new JsonOut()
                        .beginObject()
                        .field("count", notifications.unread(userId))
                        .endObject()
                        .toBytes());
    }

    private void markRead(ServerRequest request, ServerResponse response) {
        long userId = Admission.authenticate(request, accounts);
        long upToId = idOf(Responses.jsonBody(request).get("upToId"));
        long marker = notifications.markRead(userId, upToId);
        Responses.json(
                response,
                200,
                new JsonOut()
                        .beginObject()
                        .id("readUpTo", marker)
                        .field("unread", notifications.unread(userId))
                        .endObject()
                        .toBytes());
    }

    private static long idOf(JsonValue value) {
        if (value instanceof JsonString text) {
            return Ids.parse("upToId", text.getString());
        }
        if (value instanceof JsonNumber number && number.isIntegral() && number.longValue() > 0) {
            return number.longValue();
        }
        throw FlockException.invalid("upToId: the id of the newest notification read, as a string, was "
                + (value == null ? "missing" : value.toString()));
    }

    /** {@code mention,like,...} as a mask of kinds; every kind when empty. */
    static int kindsOf(String types) {
        if (types.isBlank()) {
            return NotificationKind.ALL_KINDS;
        }
        int mask = 0;
        for (String name : types.split(",", -1)) {
            NotificationKind kind = NotificationKind.ofApiName(name.trim());
            if (kind == null) {
                throw FlockException.invalid(
                        "types: each of mention, reply, quote, like, repost, follow, was '" + name.trim() + "'");
            }
            mask |= kind.bit();
        }
        return mask;
    }
}
