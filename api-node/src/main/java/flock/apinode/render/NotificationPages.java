package flock.apinode.render;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import flock.domain.MapNames;
import flock.domain.account.User;
import flock.domain.notification.Inbox;
import flock.domain.notification.NotificationGroup;
import flock.domain.notification.NotificationKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * A page of notification groups as JSON: {@code {"items": [{"id", "type", "latestAt", "count", "accounts", "tweet"}],
 * "nextMaxId"}}. The tweet is shown as any page shows it (counts, the reader's state); a like or repost group counts
 * what the tweet's own count says, less the reader's own like or repost, so 10,000 likes read 10,000 whatever the
 * group saw; a follow group the followers it counted, less those among its shown accounts the reader hides now. Left out: groups about a tweet deleted meanwhile, accounts the reader blocks or mutes (and a group left
 * with none), like and repost groups whose every like or repost was taken back.
 */
public final class NotificationPages {
    private final Views views;
    private final IMap<Long, User> users;

    public NotificationPages(HazelcastInstance grid, Views views) {
        this.views = views;
        this.users = grid.getMap(MapNames.USERS);
    }

    /** One group as JSON, as a page or a live update shows it. */
    public record Rendered(long id, byte[] json) {}

    /**
     * @param page groups as read, one more than the limit if more exist
     * @param hidden the accounts the reader blocks or mutes, or null for none
     */
    public byte[] render(Inbox page, int limit, ShownEngagement.Source engagement, LongPredicate hidden) {
        List<Rendered> items = items(page, limit, engagement, hidden);
        int length = 0;
        for (Rendered item : items) {
            length += item.json().length + 1;
        }
        JsonOut json = new JsonOut(length + 64).beginObject().beginArray("items");
        for (Rendered item : items) {
            json.rawValue(item.json());
        }
        json.endArray();
        if (page.size() > limit) {
            json.id("nextMaxId", page.groupIds()[limit - 1]);
        }
        return json.endObject().toBytes();
    }

    /** The first {@code limit} groups of the page that show, each as JSON. */
    public List<Rendered> items(Inbox page, int limit, ShownEngagement.Source engagement, LongPredicate hidden) {
        int shown = Math.min(limit, page.size());
        Map<Long, byte[]> tweets = new HashMap<>();
        Set<Long> accounts = new HashSet<>();
        for (int i = 0; i < shown; i++) {
            NotificationGroup group = page.group(i);
            if (group.kind() != NotificationKind.FOLLOW) {
                tweets.computeIfAbsent(group.subject(), id -> views.one(id, engagement));
            }
            for (long actor : group.actors()) {
                accounts.add(actor);
            }
        }
        Map<Long, User> found = users.getAll(accounts);
        long[] tweetIds = tweets.keySet().stream().mapToLong(Long::longValue).toArray();
        ShownEngagement counts = engagement.of(tweetIds, tweetIds.length);
        List<Rendered> items = new ArrayList<>(shown);
        for (int i = 0; i < shown; i++) {
            NotificationGroup group = page.group(i);
            byte[] tweet = group.kind() == NotificationKind.FOLLOW ? null : tweets.get(group.subject());
            if (group.kind() != NotificationKind.FOLLOW && tweet == null) {
                continue; // deleted since
            }
            long[] actors = visible(group.actors(), hidden, found);
            int count = count(group, tweetIds, counts);
            if (group.kind() == NotificationKind.FOLLOW) {
                count -= group.actors().length - actors.length; // a follower hidden since is not counted either
            }
            if (actors.length == 0 || count <= 0) {
                continue;
            }
            JsonOut json = new JsonOut(JsonOut.BYTES_PER_TWEET * 2)
                    .beginObject()
                    .id("id", group.id())
                    .field("type", group.kind().apiName())
                    .time("latestAt", group.latestAt())
                    .field("count", count)
                    .beginArray("accounts");
            for (long actor : actors) {
                UserJson.writeSummary(json.beginObject(), found.get(actor)).endObject();
            }
            json.endArray();
            if (tweet != null) {
                json.raw("tweet", tweet);
            }
            items.add(new Rendered(group.id(), json.endObject().toBytes()));
        }
        return items;
    }

    /** Likes and reposts as the tweet counts them, without the reader's own; the group's own count otherwise. */
    private static int count(NotificationGroup group, long[] tweetIds, ShownEngagement counts) {
        if (group.kind() != NotificationKind.LIKE && group.kind() != NotificationKind.REPOST) {
            return group.count();
        }
        int at = 0;
        while (tweetIds[at] != group.subject()) {
            at++;
        }
        boolean like = group.kind() == NotificationKind.LIKE;
        int total = like ? counts.likes()[at] : counts.reposts()[at];
        boolean[] own = like ? counts.likedByReader() : counts.repostedByReader();
        return total - (own != null && own[at] ? 1 : 0);
    }

    private static long[] visible(long[] actors, LongPredicate hidden, Map<Long, User> found) {
        return java.util.Arrays.stream(actors)
                .filter(actor -> found.containsKey(actor) && (hidden == null || !hidden.test(actor)))
                .toArray();
    }
}
