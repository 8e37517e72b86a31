package flock.apinode;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import flock.domain.FollowList;
import flock.domain.MapNames;
import flock.domain.MergeIntoTimeline;
import flock.domain.ReadTimelinePage;
import flock.domain.Timeline;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads home feeds. A feed in memory answers with one entry processor on its owner; a feed that is not
 * (after a restart, or never read) is rebuilt from the user timelines of the accounts followed, which
 * read through to Cassandra, before the first page is answered.
 */
final class HomeFeed {
    private final IMap<Long, Timeline> homeTimelines;
    private final IMap<Long, Timeline> userTimelines;
    private final Graph graph;

    HomeFeed(HazelcastInstance grid, Graph graph) {
        this.homeTimelines = grid.getMap(MapNames.HOME_TIMELINES);
        this.userTimelines = grid.getMap(MapNames.USER_TIMELINES);
        this.graph = graph;
    }

    /** One more id than asked for, so the caller knows whether another page exists. */
    long[] page(long userId, PageRequest page) {
        ReadTimelinePage read = new ReadTimelinePage(page.maxId(), page.sinceId(), page.limit() + 1);
        long[] ids = homeTimelines.executeOnKey(userId, read);
        if (ids != null) {
            return ids;
        }
        rebuild(userId);
        ids = homeTimelines.executeOnKey(userId, read);
        return ids == null ? new long[0] : ids;
    }

    /**
     * Merges the newest tweets of everyone followed (and the user's own) into the feed. The merge entry
     * processor unions with whatever the fan-out inserted meanwhile, so no tweet posted during the
     * rebuild is lost: either the fan-out found the feed present, or the tweet was already in its
     * author's timeline when this read it (Posts.post writes that first).
     */
    void rebuild(long userId) {
        FollowList following = graph.allFollowing(userId);
        Set<Long> authors = new HashSet<>(following.size() + 1);
        authors.add(userId);
        for (long author : following.userIds()) {
            authors.add(author);
        }
        Map<Long, Timeline> timelines = userTimelines.getAll(authors);
        homeTimelines.executeOnKey(userId, new MergeIntoTimeline(newestDistinct(timelines.values()), true));
    }

    /** The newest {@link Timeline#MAX_ENTRIES} distinct ids of all the timelines, newest first. */
    static long[] newestDistinct(Iterable<Timeline> timelines) {
        int total = 0;
        for (Timeline timeline : timelines) {
            total += timeline.size();
        }
        long[] all = new long[total];
        int filled = 0;
        for (Timeline timeline : timelines) {
            for (int i = 0; i < timeline.size(); i++) {
                all[filled++] = timeline.get(i);
            }
        }
        Arrays.sort(all);
        long[] newest = new long[Math.min(total, Timeline.MAX_ENTRIES)];
        int count = 0;
        for (int i = total - 1; i >= 0 && count < newest.length; i--) {
            if (count == 0 || newest[count - 1] != all[i]) {
                newest[count++] = all[i];
            }
        }
        return Arrays.copyOf(newest, count);
    }
}
