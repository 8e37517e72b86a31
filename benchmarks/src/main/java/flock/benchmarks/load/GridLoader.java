package flock.benchmarks.load;

import com.datastax.oss.driver.api.core.CqlSession;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import flock.apinode.account.Tokens;
import flock.domain.MapNames;
import flock.domain.account.Credential;
import flock.domain.account.Handles;
import flock.domain.account.User;
import flock.domain.graph.FollowList;
import flock.domain.graph.FollowerChunkKey;
import flock.domain.graph.FollowerLayout;
import flock.domain.timeline.EditPulledAuthors;
import flock.domain.timeline.Timeline;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Loads a {@link Dataset} into the grid in bulk: {@code setAll} in batches (not putAll, which would ask
 * Cassandra for every key's old value), each map as the API and the
 * fan-out would have left it (users, handles, credentials, both follow directions with big follower lists
 * chunked, tweets, author timelines, and a cached home feed per user). The persisted maps write behind to
 * Cassandra as they would after real traffic.
 */
public final class GridLoader {
    /** Entries per putAll: big enough to amortise the round trip, small enough not to stall a member. */
    private static final int BATCH = 1_000;

    private static final int BATCHES_IN_FLIGHT = 8;

    /** The API node's default follower chunk (flock.graph.follower-chunk). */
    private static final int FOLLOWER_CHUNK = 32_768;

    private final HazelcastInstance grid;

    public GridLoader(HazelcastInstance grid) {
        this.grid = grid;
    }

    /**
     * Rows the grid writes behind to Cassandra for this dataset: profiles, handles, credentials and the
     * follower side of every follow (the rest is imported straight into Cassandra).
     */
    public static long writtenBehindRows(Dataset data) {
        return data.users() * 3L + data.graph.edges();
    }

    /**
     * Imports the history (follows, tweets) into Cassandra and loads it into the grid through the map
     * loaders, with what pages read beside it (each tweet's counts, each user's likes, reposts, blocks and mutes: none
     * yet, as the loaders answer), then puts the rest with setAll: profiles, handles, credentials and follower lists
     * write behind to Cassandra as after real traffic; author timelines and a cached home feed per user are
     * built as the fan-out would have left them. Answers when the first written-behind value was set
     * (System.nanoTime), for the write-behind rate.
     */
    public long load(Dataset data, CqlSession session) {
        return putRest(data, loadHistory(data, session));
    }

    /**
     * The first half of {@link #load}: the history imported into Cassandra and asked of the grid's map loaders, with
     * what pages read beside it. Answers once the members hold every tweet and its counts: a loadAll answers when the
     * members have taken its keys, and they go on reading Cassandra after that (100,000 tweets and their counts kept
     * both members and Cassandra busy for up to two minutes after the last loadAll answered). The per-user lists
     * loaded last may still be arriving: a caller that measures next waits for the machine to be quiet. Answers the
     * ids given to each user's follow edges, which {@link #putRest} writes on the followers' side.
     */
    public long[][] loadHistory(Dataset data, CqlSession session) {
        int users = data.users();
        long[][] edges = edgeIds(data, grid.getFlakeIdGenerator(MapNames.ID_GENERATOR)::newId);
        CassandraImport imported = new CassandraImport(session);
        imported.importFollowing(data, edges);
        imported.importTweets(data);
        loadThrough(MapNames.FOLLOWING, "following (grid)", users, u -> data.userIds[u]);
        loadThrough(MapNames.TWEETS, "tweets (grid)", data.tweetCount(), tweetIds(data));
        // What every page asks beside the feed: each tweet's counts, each reader's likes, reposts, blocks and mutes.
        // Asked one at a time by the first pages, these were about 140,000 single-row reads of Cassandra that held the
        // warm-up's first pass at some 330 pages a second (a minute of a whole run); in batches they take seconds.
        loadThrough(MapNames.TWEET_STATS, "counts (grid)", data.tweetCount(), tweetIds(data));
        for (String perUser : List.of(MapNames.LIKES, MapNames.REPOSTED, MapNames.BLOCKING, MapNames.MUTING)) {
            loadThrough(perUser, perUser + " (grid)", users, u -> data.userIds[u]);
        }
        // Every tweet has a row, and every tweet's counts load as something (empty when nobody reacted): both maps end
        // with one entry per tweet.
        awaitHeld(MapNames.TWEETS, "tweets held", data.tweetCount());
        awaitHeld(MapNames.TWEET_STATS, "counts held", data.tweetCount());
        return edges;
    }

    /**
     * The second half of {@link #load}, after {@link #loadHistory}: profiles, handles, credentials, follower lists,
     * author timelines and home feeds set in bulk, {@code edges} as {@link #loadHistory} answered them. Answers when
     * the first written-behind value was set (System.nanoTime), for the write-behind rate.
     */
    public long putRest(Dataset data, long[][] edges) {
        int users = data.users();
        long now = System.currentTimeMillis();
        long writtenBehindFrom = System.nanoTime();
        put(
                MapNames.USERS,
                "users",
                users,
                u -> new User(data.userIds[u], data.handle(u), "Bench user " + u, now),
                data);
        putKeyed(MapNames.HANDLES, "handles", users, u -> Handles.key(data.handle(u)), u -> data.userIds[u]);
        put(
                MapNames.CREDENTIALS,
                "credentials",
                users,
                u -> new Credential(data.userIds[u], Tokens.hash(data.tokens[u])),
                data);
        loadFollowers(data, edges);
        put(
                MapNames.USER_TIMELINES,
                "author timelines",
                users,
                u -> Timeline.ofNewestFirst(data.tweets[u], data.tweets[u].length),
                data);
        boolean[] nonePulled = new boolean[users];
        put(MapNames.HOME_TIMELINES, "home feeds", users, u -> homeFeed(data, nonePulled, u, now), data);
        return writtenBehindFrom;
    }

    private static java.util.function.IntToLongFunction tweetIds(Dataset data) {
        long[] all = new long[Math.toIntExact(data.tweetCount())];
        int next = 0;
        for (long[] list : data.tweets) {
            for (long id : list) {
                all[next++] = id;
            }
        }
        return i -> all[i];
    }

    /**
     * Waits until the map holds {@code count} entries, with a progress bar of what it holds: what the members'
     * loaders still had to read when the last loadAll answered.
     */
    private void awaitHeld(String map, String what, long count) {
        IMap<Long, Object> target = grid.getMap(map);
        Progress progress = new Progress(what, count);
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(10).toNanos();
        long held = 0;
        while (held < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "the members hold " + held + " of " + count + " " + what + " after 10 minutes of loading");
            }
            try {
                Thread.sleep(held == 0 ? 0 : 250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            long now = target.size();
            progress.advance(now - held);
            held = now;
        }
        progress.finish();
    }

    /**
     * Asks the members to load keys from Cassandra (LOADED events: the fan-out and the backfill ignore them), a few
     * batches at once. A loadAll answers once the members have taken its keys, not once they hold the values: see
     * {@link #loadHistory}.
     */
    private void loadThrough(String map, String what, long count, java.util.function.IntToLongFunction key) {
        IMap<Long, Object> target = grid.getMap(map);
        Progress progress = new Progress(what, count);
        java.util.concurrent.ExecutorService callers =
                java.util.concurrent.Executors.newFixedThreadPool(BATCHES_IN_FLIGHT);
        try {
            List<java.util.concurrent.Future<?>> batches = new ArrayList<>();
            for (int from = 0; from < count; from += BATCH) {
                Set<Long> batch = new HashSet<>();
                for (int i = from; i < Math.min(count, from + BATCH); i++) {
                    batch.add(key.applyAsLong(i));
                }
                batches.add(callers.submit(() -> {
                    target.loadAll(batch, true);
                    progress.advance(batch.size());
                }));
            }
            for (java.util.concurrent.Future<?> batch : batches) {
                batch.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("loading " + what + " from Cassandra failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            callers.shutdownNow();
        }
        progress.finish();
    }

    /**
     * Switches accounts to pull as {@code PullAccounts} does in production: every follower's cached feed
     * learns to merge the account in at read, then the registry says "pull" and the fan-out stops pushing.
     */
    public void switchToPull(Dataset data, int[] accounts) {
        IMap<Long, Timeline> homes = grid.getMap(MapNames.HOME_TIMELINES);
        IMap<Long, String> registry = grid.getMap(MapNames.PULL_ACCOUNTS);
        long total = 0;
        for (int account : accounts) {
            total += data.followers[account].length;
        }
        Progress progress = new Progress("switch to pull", total);
        for (int account : accounts) {
            long accountId = data.userIds[account];
            registry.set(accountId, MapNames.PULL_MIGRATING);
            int[] fans = data.followers[account];
            for (int from = 0; from < fans.length; from += BATCH) {
                Set<Long> keys = new HashSet<>();
                for (int i = from; i < Math.min(fans.length, from + BATCH); i++) {
                    keys.add(data.userIds[fans[i]]);
                }
                homes.executeOnKeys(keys, new EditPulledAuthors(accountId, true));
                progress.advance(keys.size());
            }
            registry.set(accountId, MapNames.PULL);
        }
        progress.finish();
    }

    /** One id per follow, handed out in user order, so each user's follows are in ascending edge order. */
    static long[][] edgeIds(Dataset data, java.util.function.LongSupplier ids) {
        long[] ascending = Dataset.ascendingIds(ids, data.graph.edges());
        long[][] edges = new long[data.users()][];
        int next = 0;
        for (int u = 0; u < data.users(); u++) {
            edges[u] = new long[data.graph.followingCount(u)];
            for (int i = 0; i < edges[u].length; i++) {
                edges[u][i] = ascending[next++];
            }
        }
        return edges;
    }

    /**
     * Follower lists with the same edge ids as the following side, in ascending edge order (followers are
     * visited in user order, and each user's edges ascend with the user index).
     */
    void loadFollowers(Dataset data, long[][] edges) {
        IMap<FollowerChunkKey, FollowList> chunks = grid.getMap(MapNames.FOLLOWER_CHUNKS);
        int users = data.users();
        long[][] fans = new long[users][];
        long[][] fanEdges = new long[users][];
        int[] filled = new int[users];
        for (int u = 0; u < users; u++) {
            fans[u] = new long[data.followers[u].length];
            fanEdges[u] = new long[data.followers[u].length];
        }
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < data.graph.followingCount(u); i++) {
                int followee = data.graph.followee(u, i);
                fans[followee][filled[followee]] = data.userIds[u];
                fanEdges[followee][filled[followee]++] = edges[u][i];
            }
        }
        for (int u = 0; u < users; u++) { // the few lists past one value: their chunks first, then every head
            if (fans[u].length > FOLLOWER_CHUNK) {
                chunks.setAll(FollowerLayout.of(data.userIds[u], fans[u], fanEdges[u], FOLLOWER_CHUNK)
                        .chunks());
            }
        }
        put(
                MapNames.FOLLOWERS,
                "followers",
                users,
                u -> FollowerLayout.of(data.userIds[u], fans[u], fanEdges[u], FOLLOWER_CHUNK)
                        .head(),
                data);
    }

    private static Timeline homeFeed(Dataset data, boolean[] pulled, int u, long now) {
        long[] newest = data.homeFeed(u, pulled, Timeline.MAX_ENTRIES + 1);
        Timeline feed = Timeline.ofNewestFirst(newest, newest.length);
        feed.markRead(now);
        return feed;
    }

    /** The creation time a flake id carries. */
    public static long createdAt(long flakeId) {
        return flock.domain.FlakeIds.millisOf(flakeId);
    }

    <V> void put(String map, String what, int users, IntFunction<V> value, Dataset data) {
        putKeyed(map, what, users, u -> data.userIds[u], value);
    }

    /**
     * setAll in batches, a few in flight at once: one at a time left the members idle for most of each round
     * trip (10,000 entries/s at a million users).
     */
    private <K, V> void putKeyed(String map, String what, int users, IntFunction<K> key, IntFunction<V> value) {
        IMap<K, V> target = grid.getMap(map);
        Progress progress = new Progress(what, users);
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(BATCHES_IN_FLIGHT);
        java.util.concurrent.atomic.AtomicReference<Throwable> failure =
                new java.util.concurrent.atomic.AtomicReference<>();
        for (int from = 0; from < users; from += BATCH) {
            Map<K, V> batch = new HashMap<>();
            for (int u = from; u < Math.min(users, from + BATCH); u++) {
                batch.put(key.apply(u), value.apply(u));
            }
            inFlight.acquireUninterruptibly();
            target.setAllAsync(batch).whenComplete((done, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
                progress.advance(batch.size());
                inFlight.release();
            });
        }
        inFlight.acquireUninterruptibly(BATCHES_IN_FLIGHT);
        if (failure.get() != null) {
            throw new IllegalStateException("loading " + what + " failed", failure.get());
        }
        progress.finish();
    }
}
