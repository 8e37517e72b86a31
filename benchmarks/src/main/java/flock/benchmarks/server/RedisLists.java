package flock.benchmarks.server;

import flock.apinode.render.ShownEngagement;
import flock.domain.account.User;
import flock.domain.tweet.Tweet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * Twitter's 2012 design, as its engineers described it: every home timeline is a Redis list of tweet ids,
 * written on post by a fan-out that does LPUSH and LTRIM to 800 for each follower, pipelined, off the
 * request path; tweets and profiles are looked up by id in a cache (here the same Redis) to render a page.
 *
 * <p>Engagement as Twitter and Mastodon keep it in Redis: likes as sets (a tweet's likers, a user's likes), counts as
 * fields of a hash per tweet, incremented when a like is new; replies follow Mastodon's home rule (a follower gets a
 * reply to someone else only if they follow that account too) and reposts its reblog rule. A page shows every tweet's
 * counts and the reader's state, read with the page's authors in one pipeline. Keys in {@link RedisLayout}.
 */
final class RedisLists extends Baseline {
    static final int TIMELINE_LENGTH = 800;
    private static final int FAN_OUT_PIPELINE = 1_000;
    private static final long[] NO_MEDIA = new long[0];

    private final JedisPooled redis;
    private final RedisScripts scripts;
    private final ThreadPoolExecutor fanOut;

    RedisLists(String host, int port) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(128);
        pool.setMaxIdle(128);
        this.redis = new JedisPooled(pool, host, port);
        this.scripts = new RedisScripts(redis);
        // Twitter queued fan-outs; a bounded queue whose overflow runs on the poster's thread is the
        // back-pressure a queue would give.
        this.fanOut = new ThreadPoolExecutor(
                2, 2, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(10_000), new ThreadPoolExecutor.CallerRunsPolicy());
    }

    @Override
    long[] homeIds(long userId, int limit) {
        return ids(redis.lrange("ht:" + userId, 0, limit));
    }

    @Override
    long[] userIds(long userId, int limit) {
        return ids(redis.lrange("ut:" + userId, 0, limit));
    }

    @Override
    Map<Long, Tweet> tweets(long[] ids, int limit) {
        int shown = shown(ids, limit);
        Map<Long, Tweet> found = new HashMap<>(shown * 2);
        if (shown == 0) {
            return found;
        }
        String[] keys = new String[shown];
        for (int i = 0; i < shown; i++) {
            keys[i] = "t:" + ids[i];
        }
        List<String> values = redis.mget(keys);
        for (int i = 0; i < shown; i++) {
            String value = values.get(i);
            if (value != null) {
                found.put(ids[i], RedisLayout.tweet(ids[i], value));
            }
        }
        return found;
    }

    /** The authors (MGET), each counted tweet's counts (HMGET) and the reader's likes and reposts of them. */
    @Override
    Hydration hydrate(Collection<Tweet> tweets, long[] counted, long reader) {
        Set<Long> authors = new LinkedHashSet<>();
        tweets.forEach(tweet -> authors.add(tweet.authorId()));
        List<Long> order = new ArrayList<>(authors);
        String[] ids = new String[counted.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = String.valueOf(counted[i]);
        }
        Response<List<String>> profiles;
        List<Response<List<String>>> counts = new ArrayList<>(counted.length);
        Response<List<Double>> liked = null;
        Response<List<String>> reposted = null;
        try (Pipeline pipeline = redis.pipelined()) {
            profiles = order.isEmpty()
                    ? null
                    : pipeline.mget(order.stream().map(id -> "u:" + id).toArray(String[]::new));
            for (String id : ids) {
                counts.add(pipeline.hmget("c:" + id, RedisLayout.COUNTS));
            }
            if (ids.length > 0) {
                liked = pipeline.zmscore("ul:" + reader, ids);
                reposted = pipeline.hmget("ur:" + reader, ids);
            }
            pipeline.sync();
        }
        Map<Long, User> found = new HashMap<>(order.size() * 2);
        for (int i = 0; i < order.size(); i++) {
            String value = profiles.get().get(i);
            if (value != null) {
                String[] parts = value.split("\t", 2);
                found.put(order.get(i), new User(order.get(i), parts[0], parts[1], 0));
            }
        }
        return new Hydration(found, engagement(counts, liked, reposted));
    }

    private static ShownEngagement engagement(
            List<Response<List<String>>> counts, Response<List<Double>> liked, Response<List<String>> reposted) {
        int n = counts.size();
        int[][] byKind = new int[RedisLayout.COUNTS.length][n];
        boolean[] likedByReader = new boolean[n];
        boolean[] repostedByReader = new boolean[n];
        for (int i = 0; i < n; i++) {
            List<String> fields = counts.get(i).get();
            for (int kind = 0; kind < byKind.length; kind++) {
                String count = fields.get(kind);
                byKind[kind][i] = count == null ? 0 : Integer.parseInt(count);
            }
            likedByReader[i] = liked.get().get(i) != null;
            repostedByReader[i] = reposted.get().get(i) != null;
        }
        return new ShownEngagement(byKind[0], byKind[1], byKind[2], byKind[3], likedByReader, repostedByReader);
    }

    @Override
    long post(long authorId, String text, long inReplyToId) {
        long id = nextId();
        Tweet tweet;
        if (inReplyToId == 0) {
            tweet = new Tweet(id, authorId, text, System.currentTimeMillis(), NO_MEDIA);
        } else {
            String parent = redis.get("t:" + inReplyToId);
            if (parent == null) {
                return 0;
            }
            Tweet replied = RedisLayout.tweet(inReplyToId, parent);
            tweet = Tweet.replyTo(replied, id, authorId, text, System.currentTimeMillis(), NO_MEDIA);
        }
        String member = String.valueOf(id);
        try (Pipeline pipeline = redis.pipelined()) {
            pipeline.set("t:" + id, RedisLayout.tweetValue(tweet));
            push(pipeline, "ut:" + authorId, member);
            push(pipeline, "ht:" + authorId, member);
            if (tweet.isReply()) {
                pipeline.hincrBy("c:" + inReplyToId, "replies", 1);
                pipeline.lpush("r:" + inReplyToId, member);
            }
            pipeline.sync();
        }
        fanOut.execute(() -> fanOut(tweet));
        return id;
    }

    @Override
    boolean like(long userId, long tweetId) {
        return scripts.like(userId, tweetId);
    }

    @Override
    long repost(long userId, long tweetId) {
        long id = nextId();
        Tweet repost = new Tweet(id, userId, "", System.currentTimeMillis(), NO_MEDIA, 0, 0, id, 0, tweetId);
        long answered = scripts.repost(userId, tweetId, id, RedisLayout.tweetValue(repost));
        if (answered == id) {
            fanOut.execute(() -> fanOut(repost));
        }
        return answered;
    }

    /**
     * Into every follower's list, a pipeline of 1,000 followers at a time: LPUSH + LTRIM for a post, the reblog rule's
     * script for a repost (the reposter's own feed first), and for a reply to someone else only the followers who
     * follow that account too (asked of their sets of accounts followed, in the same batches).
     */
    private void fanOut(Tweet tweet) {
        List<String> followers = new ArrayList<>(redis.lrange("f:" + tweet.authorId(), 0, -1));
        if (tweet.isRepost()) {
            followers.add(0, String.valueOf(tweet.authorId()));
        }
        String id = String.valueOf(tweet.id());
        String original = String.valueOf(tweet.repostOfId());
        boolean narrowed = tweet.isReply() && tweet.inReplyToAuthorId() != tweet.authorId();
        for (int from = 0; from < followers.size(); from += FAN_OUT_PIPELINE) {
            List<String> batch = followers.subList(from, Math.min(followers.size(), from + FAN_OUT_PIPELINE));
            if (narrowed) {
                batch = alsoFollowing(batch, String.valueOf(tweet.inReplyToAuthorId()));
            }
            try (Pipeline pipeline = redis.pipelined()) {
                for (String follower : batch) {
                    if (tweet.isRepost()) {
                        scripts.insertRepost(pipeline, follower, id, original);
                    } else {
                        push(pipeline, "ht:" + follower, id);
                    }
                }
                pipeline.sync();
            }
        }
    }

    /** The followers who follow {@code account} too, or are that account. */
    private List<String> alsoFollowing(List<String> followers, String account) {
        List<Response<Boolean>> follows = new ArrayList<>(followers.size());
        try (Pipeline pipeline = redis.pipelined()) {
            for (String follower : followers) {
                follows.add(pipeline.sismember("g:" + follower, account));
            }
            pipeline.sync();
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < followers.size(); i++) {
            if (follows.get(i).get() || followers.get(i).equals(account)) {
                kept.add(followers.get(i));
            }
        }
        return kept;
    }

    private static void push(Pipeline pipeline, String list, String id) {
        pipeline.lpush(list, id);
        pipeline.ltrim(list, 0, TIMELINE_LENGTH - 1);
    }

    private static long[] ids(List<String> values) {
        long[] ids = new long[values.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Long.parseLong(values.get(i));
        }
        return ids;
    }
}
