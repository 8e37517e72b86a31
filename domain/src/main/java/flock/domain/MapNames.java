package flock.domain;

/**
 * Names of every distributed structure on the grid, shared by members, API nodes, pipelines and SQL
 * mappings. Every map keyed by a user id uses the plain {@code Long} id as its key, so a user's profile,
 * credential, follow lists and timelines hash to the same partition and live on the same member.
 */
public final class MapNames {
    /** User id to {@link flock.domain.account.User User}. Persisted. */
    public static final String USERS = "users";

    /** Lower-cased handle to user id: enforces unique handles ignoring case. Persisted. */
    public static final String HANDLES = "handles";

    /** User id to {@link flock.domain.account.Credential Credential}, kept apart from profiles so that no read path carries a hash. */
    public static final String CREDENTIALS = "credentials";

    /** User id to the {@link flock.domain.graph.FollowList FollowList} of accounts that user follows. Persisted. */
    public static final String FOLLOWING = "following";

    /**
     * User id to the {@link flock.domain.graph.FollowList FollowList} of that user's followers: the whole list while it is small, its head
     * when it is split into {@link #FOLLOWER_CHUNKS}. Persisted.
     */
    public static final String FOLLOWERS = "followers";

    /** {@link flock.domain.graph.FollowerChunkKey FollowerChunkKey} to the {@link flock.domain.graph.FollowList FollowList} of one chunk of a big follower list. Persisted. */
    public static final String FOLLOWER_CHUNKS = "follower_chunks";

    /** Tweet id to {@link flock.domain.tweet.Tweet Tweet}. Persisted; its event journal drives the fan-out. */
    public static final String TWEETS = "tweets";

    /** Author id to the {@link flock.domain.timeline.Timeline Timeline} of that author's newest tweets. Loaded from Cassandra on a miss. */
    public static final String USER_TIMELINES = "user_timelines";

    /** User id to the {@link flock.domain.timeline.Timeline Timeline} of that user's home feed. Rebuilt from the grid on a miss. */
    public static final String HOME_TIMELINES = "home_timelines";

    /**
     * Author id to its pull state, {@link #PULL_MIGRATING} or {@link #PULL}: accounts with too many followers
     * to fan out on write, whose tweets followers merge in at read. Derived state, not persisted: if it is
     * lost, the fan-out pushes those tweets again and rebuilt feeds read them from the author timelines.
     */
    public static final String PULL_ACCOUNTS = "pull_accounts";

    /** Pull state while the account's cached followers learn to pull it; the fan-out still pushes. */
    public static final String PULL_MIGRATING = "migrating";

    /** Pull state once every cached follower pulls the account; the fan-out no longer pushes its tweets. */
    public static final String PULL = "pull";

    /**
     * Shard number to the {@link flock.domain.limits.RateShard RateShard} of the token buckets of the clients ({@code u:<user id>},
     * {@code a:<address>}) that hash to it: the rate limits every API node shares. Not persisted: a shard lost with
     * a member starts its buckets full again, which only forgives a few minutes of requests.
     */
    public static final String RATE_LIMITS = "rate_limits";

    /** Media id to its {@link flock.domain.media.Media Media} metadata; the bytes are in the object store. Persisted. */
    public static final String MEDIA = "media";

    /** Account id to the {@link flock.domain.engagement.LikeList LikeList} of the tweets it likes. Persisted. */
    public static final String LIKES = "likes";

    /**
     * {@link flock.domain.engagement.BucketKey BucketKey} (a tweet and a bucket) to the {@link flock.domain.engagement.EdgeBucket
     * EdgeBucket} of the accounts in that bucket that like the tweet. Persisted.
     */
    public static final String LIKERS = "likers";

    /** The same for the replies of a tweet: each bucket holds the replies whose id hashes to it. Persisted. */
    public static final String REPLIES = "replies";

    /** The same for the quotes of a tweet. Persisted. */
    public static final String QUOTES = "quotes";

    /** The same for the reposts of a tweet (each bucket holds the reposts' own ids). Persisted. */
    public static final String REPOSTS = "reposts";

    /**
     * Account id to the {@link flock.domain.engagement.LikeList LikeList} of the tweets it reposted, each with its
     * repost's id: "reposted by me", and what a second repost answers. Persisted.
     */
    public static final String REPOSTED = "reposted";

    /** Tweet id to its {@link flock.domain.engagement.TweetStats TweetStats}: counts kept apart from the tweet. Persisted. */
    public static final String TWEET_STATS = "tweet_stats";

    /**
     * User id to the {@link flock.domain.graph.FollowList FollowList} of the accounts that user blocks, with when each
     * block was made (its edge id). Persisted. Private: only its owner reads it through the API; the API nodes
     * near-cache it, since every follow, reply, like and repost asks whether the account acted on blocks the actor.
     */
    public static final String BLOCKING = "blocking";

    /**
     * User id to the {@link flock.domain.safety.MuteList MuteList} of the accounts that user mutes, each until when.
     * Persisted. Private, and near-cached by the API nodes: every home page of the user asks it.
     */
    public static final String MUTING = "muting";

    /**
     * Like id to the {@link flock.domain.engagement.LikeEvent LikeEvent} it made: written with every like for the notify
     * job, which reads the map's event journal. Not persisted; entries expire after a minute (the journal is what is
     * read).
     */
    public static final String LIKE_EVENTS = "like_events";

    /**
     * User id to the {@link flock.domain.notification.Inbox Inbox} of that user's notifications: the newest groups,
     * the read marker. Persisted (a row per group: older groups are read from Cassandra). Written only by the notify
     * job; the API nodes near-cache it, since every page load asks for the unread count.
     */
    public static final String NOTIFICATIONS = "notifications";

    /**
     * "author id, Idempotency-Key" to the id of the tweet a post with that key made: a client that retries a post whose
     * answer it did not get (a 503, a dropped connection) gets that tweet instead of a second one. Kept a day, in the
     * grid only (with its backup): not persisted, so a retry across a full restart of the grid posts again.
     */
    public static final String POST_KEYS = "post_keys";

    /** The flake id generator for users, tweets and follow edges: ids sort by creation time. */
    public static final String ID_GENERATOR = "ids";

    /**
     * The topic of {@link flock.domain.timeline.FeedChanges}: every writer of {@link #HOME_TIMELINES} names the feeds
     * it changed, so API nodes drop the feed heads they cache for them.
     */
    public static final String FEED_CHANGES = "feed_changes";

    /** The name of the fan-out Jet job; one per cluster. */
    public static final String FAN_OUT_JOB = "fan-out";

    /** The name of the job that backfills and unfills feeds on follow and unfollow; one per cluster. */
    public static final String FOLLOW_BACKFILL_JOB = "follow-backfill";

    /** The name of the job that turns mentions, answers, likes, reposts and follows into notifications. */
    public static final String NOTIFY_JOB = "notify";

    /** Every Jet job of the cluster: the members keep them running, and report and expose their state. */
    public static final java.util.List<String> JOBS = java.util.List.of(FAN_OUT_JOB, FOLLOW_BACKFILL_JOB, NOTIFY_JOB);

    private MapNames() {}
}
