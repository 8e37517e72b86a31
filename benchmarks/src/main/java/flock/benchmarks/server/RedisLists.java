package flock.benchmarks.server;

import flock.domain.account.User;
import flock.domain.tweet.Tweet;
import java.util.ArrayList;
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

/**
 * Twitter's 2012 design, as its engineers described it: every home timeline is a Redis list of tweet ids,
 * written on post by a fan-out that does LPUSH and LTRIM to 800 for each follower, pipelined, off the
 * request path; tweets and profiles are looked up by id in a cache (here the same Redis) to render a page.
 *
 * <p>Keys: {@code u:ID} profile ("handle TAB name"), {@code t:ID} tweet ("author TAB millis TAB text"),
 * {@code ut:ID} the user's own tweet ids, {@code ht:ID} the home timeline, {@code f:ID} the followers.
 */
final class RedisLists extends Baseline {
    static final int TIMELINE_LENGTH = 800;
    private static final int FAN_OUT_PIPELINE = 1_000;

    private final JedisPooled redis;
    private final ThreadPoolExecutor fanOut;

    RedisLists(String host, int port) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(128);
        pool.setMaxIdle(128);
        this.redis = new JedisPooled(pool, host, port);
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
                String[] parts = value.split("\t", 3);
                found.put(
                        ids[i],
                        new Tweet(ids[i], Long.parseLong(parts[0]), parts[2], Long.parseLong(parts[1]), new long[0]));
            }
        }
        return found;
    }

    @Override
    Map<Long, User> users(Iterable<Tweet> tweets) {
        Set<Long> authors = new LinkedHashSet<>();
        tweets.forEach(tweet -> authors.add(tweet.authorId()));
        Map<Long, User> found = new HashMap<>(authors.size() * 2);
        if (authors.isEmpty()) {
            return found;
        }
        List<Long> order = new ArrayList<>(authors);
        List<String> values = redis.mget(order.stream().map(id -> "u:" + id).toArray(String[]::new));
        for (int i = 0; i < order.size(); i++) {
            String value = values.get(i);
            if (value != null) {
                String[] parts = value.split("\t", 2);
                found.put(order.get(i), new User(order.get(i), parts[0], parts[1], 0));
            }
        }
        return found;
    }

    @Override
    long post(long authorId, String text) {
        long id = nextId();
        String value = authorId + "\t" + System.currentTimeMillis() + "\t" + text;
        try (Pipeline pipeline = redis.pipelined()) {
            pipeline.set("t:" + id, value);
            pipeline.lpush("ut:" + authorId, String.valueOf(id));
            pipeline.ltrim("ut:" + authorId, 0, TIMELINE_LENGTH - 1);
            pipeline.sync();
        }
        fanOut.execute(() -> fanOut(authorId, id));
        return id;
    }

    /** LPUSH + LTRIM into every follower's list, a pipeline of 1,000 followers at a time. */
    private void fanOut(long authorId, long tweetId) {
        List<String> followers = redis.lrange("f:" + authorId, 0, -1);
        String id = String.valueOf(tweetId);
        for (int from = 0; from < followers.size(); from += FAN_OUT_PIPELINE) {
            try (Pipeline pipeline = redis.pipelined()) {
                for (String follower : followers.subList(from, Math.min(followers.size(), from + FAN_OUT_PIPELINE))) {
                    pipeline.lpush("ht:" + follower, id);
                    pipeline.ltrim("ht:" + follower, 0, TIMELINE_LENGTH - 1);
                }
                pipeline.sync();
            }
        }
    }

    private static long[] ids(List<String> values) {
        long[] ids = new long[values.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Long.parseLong(values.get(i));
        }
        return ids;
    }
}
