package flock.apinode.streaming;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import flock.apinode.engagement.Likes;
import flock.apinode.graph.Graph;
import flock.apinode.graph.PullAccounts;
import flock.apinode.grid.MissedEvents;
import flock.apinode.notification.Notifications;
import flock.apinode.paging.PageRequest;
import flock.apinode.render.NotificationPages;
import flock.apinode.render.Views;
import flock.apinode.safety.Visibility;
import flock.apinode.timeline.HomeFeed;
import flock.domain.ErrorCode;
import flock.domain.FlockException;
import flock.domain.MapNames;
import flock.domain.notification.Inbox;
import flock.domain.notification.NotificationKind;
import flock.domain.timeline.FeedChanges;
import flock.domain.tweet.Tweet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's live streams and what feeds them. Tweets and deletes come from the feed changes every API node already
 * hears (the fan-out names each feed it changed and the tweets it put in or took out): a node acts on those of the
 * users it holds streams for, so the cost grows with the clients connected here, not with all users, and no topic per
 * user exists. Notifications come from the inboxes, which this node near-caches: once a second it reads the inboxes of
 * its streaming users (near-cache hits unless one changed) and sends the groups above what each stream had.
 *
 * <p>Whatever a stream may have missed (a lost message, the grid reconnecting, a feed rewritten by a follow) is read
 * again from the feed, above the stream's cursor; a client that reconnects with {@code Last-Event-ID} gets the feed's
 * and the inbox's entries above it the same way. Events go out once per stream: each remembers what it queued.
 */
public final class Streams {
    private static final Logger LOG = Logger.getLogger(Streams.class.getName());

    /** Entries read again for a stream at once: more than a client may expect to be replayed. */
    static final int REPLAYED = PageRequest.MAX_LIMIT;

    private final StreamSettings settings;
    private final HomeFeed homeFeed;
    private final Views views;
    private final Likes likes;
    private final Visibility visibility;
    private final Notifications notifications;
    private final NotificationPages notificationPages;
    private final IMap<Long, Inbox> inboxes;
    private final IMap<Long, Tweet> tweets;
    private final Map<Long, List<Connection>> byUser = new ConcurrentHashMap<>();
    private final Map<String, Long> lastSequence = new ConcurrentHashMap<>();
    private final Map<Long, Long> notifiedUpTo = new ConcurrentHashMap<>();
    /**
     * Accounts in pull mode (their tweets are merged into feeds at read, not written into them) and the users streaming
     * here who follow them: such an account's own tweets go to their streams when its own feed changes.
     */
    private final Map<Long, Set<Long>> pulledFollowers = new ConcurrentHashMap<>();

    private final Map<Long, Set<Long>> pulledBy = new ConcurrentHashMap<>();
    private final Graph graph;
    private final PullAccounts pullAccounts;
    private final AtomicInteger open = new AtomicInteger();
    /**
     * A user's events are made on one of these, always the same, so that a feed's changes reach its streams in the
     * order the fan-out made them; different users' in parallel (rendering an update reads near caches, and the grid
     * the first time a reader is seen).
     */
    private final ExecutorService[] stripes = new ExecutorService[STRIPES];

    static final int STRIPES = 16;

    private final ScheduledExecutorService notifier = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("flock-stream-notifications").factory());

    public Streams(
            HazelcastInstance grid,
            StreamSettings settings,
            HomeFeed homeFeed,
            Graph graph,
            PullAccounts pullAccounts,
            Views views,
            Likes likes,
            Visibility visibility,
            Notifications notifications,
            NotificationPages notificationPages) {
        this.settings = settings;
        this.homeFeed = homeFeed;
        this.graph = graph;
        this.pullAccounts = pullAccounts;
        this.views = views;
        this.likes = likes;
        this.visibility = visibility;
        this.notifications = notifications;
        this.notificationPages = notificationPages;
        this.inboxes = grid.getMap(MapNames.NOTIFICATIONS);
        this.tweets = grid.getMap(MapNames.TWEETS);
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = Executors.newSingleThreadExecutor(
                    Thread.ofVirtual().name("flock-streams-" + i).factory());
        }
        grid.<FeedChanges>getTopic(MapNames.FEED_CHANGES)
                .addMessageListener(message -> onChanges(message.getMessageObject()));
        MissedEvents.onEach(grid, this::catchUpAll);
        notifier.scheduleWithFixedDelay(this::sendNotifications, 1, 1, TimeUnit.SECONDS);
    }

    public StreamSettings settings() {
        return settings;
    }

    /** Streams open on this node now. */
    public int open() {
        return open.get();
    }

    /**
     * Opens a stream for the user, resuming after {@code lastEventId} (0: from now on): what the feed and the inbox hold
     * above it is queued first. 503 when the node holds as many streams as it may.
     */
    public Connection connect(long userId, long lastEventId) {
        if (open.incrementAndGet() > settings.maxConnections()) {
            open.decrementAndGet();
            throw new FlockException(
                    ErrorCode.UNAVAILABLE,
                    "this node holds its most live streams (" + settings.maxConnections()
                            + "); try again, or poll the home feed");
        }
        Connection connection = new Connection(userId, lastEventId, settings.queuedEvents(), lastEventId > 0);
        byUser.computeIfAbsent(userId, id -> new CopyOnWriteArrayList<>()).add(connection);
        if (lastEventId > 0) {
            on(userId, () -> resume(connection, lastEventId));
        } else {
            Inbox inbox = inboxes.get(userId);
            notifiedUpTo.putIfAbsent(userId, inbox == null || inbox.size() == 0 ? 0 : inbox.groupIds()[0]);
        }
        if (lastEventId == 0) {
            startNow(connection);
        }
        notePulled(connection);
        Thread.startVirtualThread(() -> prepare(connection));
        return connection;
    }

    public void disconnect(Connection connection) {
        connection.drop();
        List<Connection> mine = byUser.get(connection.userId);
        if (mine != null && mine.remove(connection)) {
            open.decrementAndGet();
            byUser.computeIfPresent(connection.userId, (id, left) -> left.isEmpty() ? null : left);
            if (!byUser.containsKey(connection.userId)) {
                notifiedUpTo.remove(connection.userId);
                Set<Long> authors = pulledBy.remove(connection.userId);
                if (authors != null) {
                    authors.forEach(author -> pulledFollowers.computeIfPresent(author, (id, readers) -> {
                        readers.remove(connection.userId);
                        return readers.isEmpty() ? null : readers;
                    }));
                }
            }
        }
    }

    /** Runs a task of the user's on the user's stripe. */
    private void on(long userId, Runnable task) {
        stripes[(int) ((userId ^ (userId >>> 32)) * 0x9E3779B9L >>> 28) & (STRIPES - 1)].execute(task);
    }

    /** Called in order, on the topic's event thread: only looks up this node's streams and hands the work on. */
    private void onChanges(FeedChanges changes) {
        Long last = lastSequence.put(changes.publisher(), changes.sequence());
        if (last != null && changes.sequence() != last + 1) {
            catchUpAll(); // a message was lost: read every stream's feed again
            return;
        }
        long[] feeds = changes.feeds();
        for (int i = 0; i < feeds.length; i++) {
            Set<Long> readers = pulledFollowers.get(feeds[i]);
            if (readers != null) {
                pulledChanged(changes, i, feeds[i], readers);
            }
            List<Connection> streams = byUser.get(feeds[i]);
            if (streams == null) {
                continue;
            }
            long userId = feeds[i];
            if (!changes.detailed()) {
                // A rebuild or a backfill: the feed itself says what is new.
                on(userId, () -> streams.forEach(this::catchUp));
                continue;
            }
            long[] updates = java.util.Arrays.copyOfRange(changes.updates(), changes.start(i), changes.ends()[i]);
            on(userId, () -> {
                for (long update : updates) {
                    if (update < 0) {
                        streams.forEach(stream -> stream.offerDelete(~update));
                    } else {
                        update(userId, streams, update);
                    }
                }
            });
        }
    }

    /**
     * A pulled account's own feed changed: its tweets are in no follower's feed, so the tweets it posted go to each
     * follower streaming here directly, rendered for that follower as a pushed tweet is, and its deletes likewise. A
     * reply to someone else reaches only the followers who follow that account too: for one of those, each stream reads
     * its home page above its cursor instead, where the feed's rules decide. Someone else's tweet entering the
     * account's own feed concerns none of its followers. On the account's stripe, since telling its tweets apart reads
     * them (near-cached), which the topic's thread must not wait for.
     */
    private void pulledChanged(FeedChanges changes, int i, long author, Set<Long> readers) {
        if (!changes.detailed()) {
            forEachStreamOf(readers, this::catchUp);
            return;
        }
        long[] updates = java.util.Arrays.copyOfRange(changes.updates(), changes.start(i), changes.ends()[i]);
        on(author, () -> {
            long[] posted = new long[updates.length];
            int count = 0;
            boolean narrowed = false;
            for (long update : updates) {
                Tweet tweet = update < 0 ? null : tweets.get(update);
                if (tweet == null || tweet.authorId() != author) {
                    continue; // a delete (sent below), or a tweet of someone the account follows
                }
                if (tweet.inReplyToAuthorId() != 0 && tweet.inReplyToAuthorId() != author) {
                    narrowed = true;
                } else {
                    posted[count++] = update;
                }
            }
            long[] own = java.util.Arrays.copyOf(posted, count);
            boolean readFeed = narrowed;
            for (long reader : readers) {
                List<Connection> theirs = byUser.get(reader);
                if (theirs != null) {
                    on(reader, () -> {
                        for (long update : updates) {
                            if (update < 0) {
                                theirs.forEach(stream -> stream.offerDelete(~update));
                            }
                        }
                        for (long tweetId : own) {
                            update(reader, theirs, tweetId);
                        }
                        if (readFeed) {
                            theirs.forEach(this::catchUp);
                        }
                    });
                }
            }
        });
    }

    private void forEachStreamOf(Set<Long> readers, java.util.function.Consumer<Connection> action) {
        for (long reader : readers) {
            List<Connection> theirs = byUser.get(reader);
            if (theirs != null) {
                on(reader, () -> theirs.forEach(action));
            }
        }
    }

    /** A tweet entering the user's feed, as the home page shows it to that user (nothing if it hides it). */
    private void update(long userId, List<Connection> streams, long tweetId) {
        StreamEvent event = updateOf(userId, tweetId);
        if (event != null) {
            streams.forEach(stream -> stream.offer(event));
        }
    }

    /** The tweet as the user's home page shows it, or null when it is gone or hidden from the user. */
    private StreamEvent updateOf(long userId, long tweetId) {
        byte[] json = views.one(tweetId, likes.shownTo(Optional.of(userId)), visibility.inHome(userId));
        return json == null ? null : new StreamEvent(StreamEvent.UPDATE, tweetId, json);
    }

    /**
     * A resumed stream: the feed's tweets and the inbox's groups above the client's last event, oldest first, then the
     * live events heard meanwhile, which its connection held until now.
     */
    private void resume(Connection stream, long sinceId) {
        List<StreamEvent> missed = new ArrayList<>();
        try {
            missed.addAll(feedAbove(stream.userId, sinceId));
            Inbox page = notifications.page(
                    stream.userId, new PageRequest(REPLAYED, Long.MAX_VALUE, sinceId), NotificationKind.ALL_KINDS);
            notifiedUpTo.merge(stream.userId, page.size() == 0 ? sinceId : page.groupIds()[0], Math::max);
            missed.addAll(notificationsOf(stream.userId, page));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not read what a stream missed; its client resumes when it reconnects", e);
            stream.drop();
        }
        stream.replay(missed);
    }

    /** The feed's tweets above {@code sinceId} as updates, oldest first (at most {@value #REPLAYED}). */
    private List<StreamEvent> feedAbove(long userId, long sinceId) {
        long[] ids = homeFeed.page(userId, new PageRequest(REPLAYED, Long.MAX_VALUE, sinceId));
        List<StreamEvent> events = new ArrayList<>();
        for (int i = Math.min(ids.length, REPLAYED) - 1; i >= 0; i--) {
            StreamEvent event = updateOf(userId, ids[i]);
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    private void catchUpAll() {
        byUser.forEach((userId, streams) -> on(userId, () -> streams.forEach(this::catchUp)));
    }

    /** Queues the feed's tweets above the stream's cursor, oldest first. */
    private void catchUp(Connection stream) {
        try {
            feedAbove(stream.userId, stream.cursor()).forEach(stream::offer);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not read the feed of a stream; its client resumes when it reconnects", e);
            stream.drop();
        }
    }

    /**
     * Notes the accounts in pull mode the user follows, before the stream is answered: their tweets reach no feed, and
     * one posted the moment after the client connected must reach it too (a follow made while the stream is open
     * counts from the next one).
     */
    private void notePulled(Connection stream) {
        for (Long author :
                pullAccounts.pulledAmong(graph.allFollowing(stream.userId).userIds())) {
            pulledFollowers
                    .computeIfAbsent(author, id -> ConcurrentHashMap.newKeySet())
                    .add(stream.userId);
            pulledBy.computeIfAbsent(stream.userId, id -> ConcurrentHashMap.newKeySet())
                    .add(author);
        }
    }

    /**
     * A stream opened afresh starts at the newest entry of the feed, before it is answered: a catch-up then resends
     * nothing older, and misses nothing newer. The read also brings the feed into memory (rebuilt) if it was not: the
     * fan-out writes only the feeds in memory.
     */
    private void startNow(Connection stream) {
        long[] newest = homeFeed.page(stream.userId, new PageRequest(1, Long.MAX_VALUE, 0));
        if (newest.length > 0) {
            stream.startAfter(newest[0]);
        }
    }

    /**
     * After the stream is answered: the feed in memory again if it left meanwhile, and the reader's lists that an update
     * reads (likes, reposts, blocks, mutes) in the near caches, so that the first tweet to reach many new streams at
     * once is not their first read.
     */
    private void prepare(Connection stream) {
        try {
            homeFeed.page(stream.userId, new PageRequest(1, Long.MAX_VALUE, 0));
            likes.shown(Optional.of(stream.userId), new long[0], 0);
            visibility.inHome(stream.userId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not load the feed of a stream; its client resumes when it reconnects", e);
            stream.drop();
        }
    }

    /** Once a second: the groups above what each streaming user was sent, from the near-cached inboxes. */
    private void sendNotifications() {
        try {
            if (byUser.isEmpty()) {
                return;
            }
            Map<Long, Inbox> found = inboxes.getAll(byUser.keySet());
            Map<Long, Long> newer = new HashMap<>();
            found.forEach((userId, inbox) -> {
                long sent = notifiedUpTo.getOrDefault(userId, 0L);
                if (inbox.size() > 0 && inbox.groupIds()[0] > sent) {
                    newer.put(userId, sent);
                }
            });
            newer.forEach((userId, sent) -> {
                Inbox page = found.get(userId).page(Long.MAX_VALUE, sent, REPLAYED, NotificationKind.ALL_KINDS);
                notifiedUpTo.put(userId, page.groupIds()[0]);
                List<Connection> streams = byUser.get(userId);
                if (streams != null) {
                    on(userId, () -> offerNotifications(userId, streams, page));
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "notifications not read this second; the next round tries again", e);
        }
    }

    private void offerNotifications(long userId, List<Connection> streams, Inbox page) {
        for (StreamEvent event : notificationsOf(userId, page)) {
            streams.forEach(stream -> stream.offer(event));
        }
    }

    /** Oldest first, each group as the notifications page shows it (without what the user blocks or mutes). */
    private List<StreamEvent> notificationsOf(long userId, Inbox page) {
        List<NotificationPages.Rendered> items = notificationPages.items(
                page, page.size(), likes.shownTo(Optional.of(userId)), visibility.inNotifications(userId));
        List<StreamEvent> events = new ArrayList<>(items.size());
        for (int i = items.size() - 1; i >= 0; i--) {
            events.add(new StreamEvent(
                    StreamEvent.NOTIFICATION, items.get(i).id(), items.get(i).json()));
        }
        return events;
    }

    /** Stops feeding streams (the node is shutting down). */
    public void close() {
        notifier.shutdownNow();
        for (ExecutorService stripe : stripes) {
            stripe.shutdownNow();
        }
    }
}
