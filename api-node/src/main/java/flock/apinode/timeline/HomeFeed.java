package flock.apinode.timeline;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import flock.apinode.graph.Graph;
import flock.apinode.graph.PullAccounts;
import flock.apinode.paging.PageRequest;
import flock.domain.MapNames;
import flock.domain.timeline.EditPulledAuthors;
import flock.domain.timeline.FeedChangePublisher;
import flock.domain.timeline.FeedReader;
import flock.domain.timeline.FeedSource;
import flock.domain.timeline.InstallRebuiltFeed;
import flock.domain.timeline.MarkFeedRead;
import flock.domain.timeline.NewestFirstMerge;
import flock.domain.timeline.ReadAuthorTweets;
import flock.domain.timeline.ReadFeedSource;
import flock.domain.timeline.ReadTimelinePage;
import flock.domain.timeline.StartRebuild;
import flock.domain.timeline.Timeline;
import flock.domain.timeline.TimelinePage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Reads home feeds. A feed in memory answers with one entry processor on its owner, plus, for readers who
 * follow accounts in pull mode, those accounts' newest tweets merged in by id. A feed that is not in memory
 * (never read, evicted as idle, or lost in a restart) is rebuilt from the followed accounts' timelines,
 * which read through to Cassandra, before the first page is answered.
 */
public final class HomeFeed {
    private final IMap<Long, Timeline> homeTimelines;
    private final FeedChangePublisher changes;
    private final IMap<Long, Timeline> userTimelines;
    private final Graph graph;
    private final PullAccounts pullAccounts;
    private final FeedSettings settings;
    private final FeedMetrics metrics;
    private final FeedHeads heads;

    public HomeFeed(
            HazelcastInstance grid,
            Graph graph,
            PullAccounts pullAccounts,
            FeedSettings settings,
            FeedMetrics metrics) {
        this.homeTimelines = grid.getMap(MapNames.HOME_TIMELINES);
        this.changes = new FeedChangePublisher(grid);
        this.userTimelines = grid.getMap(MapNames.USER_TIMELINES);
        this.graph = graph;
        this.pullAccounts = pullAccounts;
        this.settings = settings;
        this.metrics = metrics;
        this.heads = settings.headCapacity() > 0
                ? FeedHeadListeners.register(grid, new FeedHeads(settings.headTimeToLive(), settings.headCapacity()))
                : null;
    }

    /**
     * One more id than asked for, so the caller knows whether another page exists. A first page or a poll (no
     * {@code maxId}) is answered from the feed head this node caches when it holds enough of the feed.
     */
    public long[] page(long userId, PageRequest page) {
        boolean first = page.maxId() == Long.MAX_VALUE;
        if (first && heads != null) {
            long[] fromHead = fromHead(userId, page);
            if (fromHead != null) {
                return fromHead;
            }
        }
        TimelinePage home = read(userId, page.maxId(), page.sinceId(), page.limit() + 1);
        return home == null ? new long[0] : finish(userId, page, home.ids(), home.pulledAuthors(), home.truncated());
    }

    /**
     * Whether this node holds the user's feed head now: if not, the user is probably new to it, and so are the user's
     * other entries in its near caches.
     */
    public boolean holdsHead(long userId) {
        return heads != null && heads.get(userId, System.nanoTime()) != null;
    }

    /** A first page from the cached head, filled from the member first if none is cached; null if it cannot say. */
    private long[] fromHead(long userId, PageRequest page) {
        long nowNanos = System.nanoTime();
        FeedHeads.Head head = heads.get(userId, nowNanos);
        if (head == null) {
            metrics.headMiss();
            int asked = Math.max(FeedHeads.HEAD_IDS, page.limit() + 1);
            long generation = heads.generation(userId);
            TimelinePage read = read(userId, Long.MAX_VALUE, 0, asked);
            if (read == null) {
                return new long[0];
            }
            head = FeedHeads.Head.of(read, asked, nowNanos);
            heads.fill(userId, generation, head);
        } else {
            metrics.headHit();
        }
        long[] ids = head.firstPage(page.sinceId(), page.limit() + 1);
        return ids == null ? null : finish(userId, page, ids, head.pulledAuthors(), head.truncated());
    }

    /** The feed's page on its owner, rebuilding a feed not in memory first; null only if the rebuild found none. */
    private TimelinePage read(long userId, long maxId, long sinceId, int limit) {
        long now = System.currentTimeMillis();
        ReadTimelinePage read = new ReadTimelinePage(
                maxId, sinceId, limit, now - settings.markReadEvery().toMillis());
        TimelinePage home = homeTimelines.executeOnKey(userId, read);
        if (home == null) {
            rebuild(userId, now);
            home = homeTimelines.executeOnKey(userId, read);
        } else if (home.readMarkStale()) {
            homeTimelines.submitToKey(userId, new MarkFeedRead(now)); // no need to wait: it only delays eviction
        }
        return home;
    }

    /** The pushed ids of a page with the pulled accounts' tweets merged in, or the deep page if it runs past both. */
    private long[] finish(long userId, PageRequest page, long[] pushed, long[] pulledAuthors, boolean truncated) {
        boolean olderExist = truncated;
        long[] ids = pushed;
        if (pulledAuthors.length > 0) {
            Map<Long, Timeline> pulled = pulledTimelines(pulledAuthors);
            ids = withPulledTweets(userId, ids, pulled.values(), page);
            olderExist |= pulled.values().stream().anyMatch(Timeline::truncated);
        }
        if (ids.length <= page.limit() && olderExist) {
            return deepPage(userId, page); // the page runs past what memory keeps
        }
        return ids;
    }

    /**
     * The timelines of the pulled accounts, through the API node's near cache: a big account's timeline is
     * read by every follower and changes only when it posts.
     */
    private Map<Long, Timeline> pulledTimelines(long[] authors) {
        Set<Long> keys = new HashSet<>(authors.length * 2);
        for (long author : authors) {
            keys.add(author);
        }
        return userTimelines.getAll(keys);
    }

    /**
     * Merges the pulled accounts' newest tweets into the page by id. A pulled account's reply to someone else is kept
     * only if the reader follows that account too; whom the reader follows is read only when such a reply is among
     * the candidates.
     */
    private long[] withPulledTweets(long userId, long[] pushed, Iterable<Timeline> pulled, PageRequest page) {
        List<long[]> sources = new ArrayList<>();
        sources.add(pushed);
        FeedReader reader = null;
        for (Timeline timeline : pulled) {
            long[] candidates = timeline.page(page.maxId(), page.sinceId(), page.limit() + 1);
            if (timeline.narrowsAny(candidates)) {
                reader = reader == null ? readerOf(userId) : reader;
                candidates = timeline.page(page.maxId(), page.sinceId(), page.limit() + 1, reader);
            }
            sources.add(candidates);
        }
        return NewestFirstMerge.merge(sources.toArray(long[][]::new), page.limit() + 1);
    }

    private FeedReader readerOf(long userId) {
        return FeedReader.of(userId, graph.allFollowing(userId).userIds());
    }

    /**
     * A page past the newest 800 entries that memory keeps: computed like a pull for every account followed
     * (and the user's own tweets), each author's page read from memory and continued from Cassandra on its
     * owner, all in parallel, then merged by id. The cursor stays the same id, so paging goes on seamlessly:
     * every id below it, from every account followed, is a candidate, so nothing is skipped or repeated.
     */
    private long[] deepPage(long userId, PageRequest page) {
        long[] followees = graph.allFollowing(userId).userIds();
        ReadAuthorTweets read =
                new ReadAuthorTweets(page.maxId(), page.sinceId(), page.limit() + 1, FeedReader.of(userId, followees));
        List<CompletableFuture<long[]>> parts = new ArrayList<>(followees.length + 1);
        parts.add(userTimelines.submitToKey(userId, read).toCompletableFuture());
        for (long followee : followees) {
            parts.add(userTimelines.submitToKey(followee, read).toCompletableFuture());
        }
        long[][] sources = parts.stream().map(CompletableFuture::join).toArray(long[][]::new);
        metrics.deepPage();
        return NewestFirstMerge.merge(sources, page.limit() + 1);
    }

    /**
     * Merges the newest tweets of every pushed account followed (and the user's own) into the feed, and
     * records the pulled ones. A stand-in for the feed goes in first ({@link StartRebuild}), and the author timelines
     * are read after it by entry processor, never from the near cache: a tweet posted during the rebuild is then
     * seen there (Tweets.post writes it first) or fanned out into the stand-in; the install merges with it.
     */
    public void rebuild(long userId, long readAtMillis) {
        long started = System.nanoTime();
        homeTimelines.executeOnKey(userId, new StartRebuild(readAtMillis));
        long[] followees = graph.allFollowing(userId).userIds();
        Set<Long> pulled = pullAccounts.pulledAmong(followees);
        Set<Long> pushedAuthors = new HashSet<>(followees.length * 2 + 2);
        pushedAuthors.add(userId);
        for (long followee : followees) {
            if (!pulled.contains(followee)) {
                pushedAuthors.add(followee);
            }
        }
        // Replies to accounts the reader does not follow stay out, as the fan-out leaves them out.
        Map<Long, FeedSource> newest = userTimelines.executeOnKeys(
                pushedAuthors, ReadFeedSource.of(FeedReader.of(userId, followees), Timeline.MAX_ENTRIES));
        long[][] sources = newest.values().stream()
                .filter(source -> source != null)
                .map(FeedSource::ids)
                .toArray(long[][]::new);
        // An author with older tweets in Cassandra than memory keeps makes the feed go on there too.
        boolean truncated = newest.values().stream().anyMatch(source -> source != null && source.truncated());
        // The feed's repost rules, as if the fan-out had brought the tweets in one by one, oldest first.
        Timeline rebuilt = Timeline.withRepostRules(
                NewestFirstMerge.merge(sources, Timeline.MAX_ENTRIES + 1), originals(newest.values()));
        homeTimelines.executeOnKey(
                userId,
                new InstallRebuiltFeed(
                        rebuilt.toArray(),
                        toArray(pulled),
                        readAtMillis,
                        truncated || rebuilt.truncated(),
                        rebuilt.repostIds(),
                        rebuilt.repostOf()));
        // An account that switched to pull while this ran is either seen now or found the feed installed.
        for (Long switched : pullAccounts.pulledAmong(followees)) {
            if (!pulled.contains(switched)) {
                homeTimelines.executeOnKey(userId, new EditPulledAuthors(switched, true));
            }
        }
        changes.changed(userId); // other nodes may cache a head of the feed that was lost
        metrics.rebuilt(System.nanoTime() - started);
    }

    /** What each repost among the sources reposts. */
    private static Map<Long, Long> originals(java.util.Collection<FeedSource> sources) {
        Map<Long, Long> originals = new java.util.HashMap<>();
        for (FeedSource source : sources) {
            if (source != null) {
                for (int i = 0; i < source.repostIds().length; i++) {
                    originals.put(source.repostIds()[i], source.repostOf()[i]);
                }
            }
        }
        return originals;
    }

    private static long[] toArray(Set<Long> ids) {
        return ids.stream().mapToLong(Long::longValue).toArray();
    }
}
