package flock.benchmarks.server;

import java.util.List;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * The Redis design's writes that must read before they write, as Lua scripts: each runs atomically in one round trip,
 * as Redis users do it (a MULTI cannot branch on what it reads). They touch keys of several tweets and users at once,
 * which one Redis instance allows; a sharded Redis would split each into calls to the shards the keys live on, so the
 * single instance measured here gives the Redis design the benefit. Keys as in {@link RedisLayout}.
 */
final class RedisScripts {
    /** KEYS t:TWEET l:TWEET ul:USER c:TWEET, ARGV user tweet millis: 0 if the tweet does not exist, else 1. */
    private static final String LIKE = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            if redis.call('SADD', KEYS[2], ARGV[1]) == 1 then
              redis.call('ZADD', KEYS[3], ARGV[3], ARGV[2])
              redis.call('HINCRBY', KEYS[4], 'likes', 1)
            end
            return 1
            """;

    /**
     * KEYS t:ORIGINAL ur:USER t:REPOST ut:USER c:ORIGINAL, ARGV original repost value: nil if the original does not
     * exist; the account's repost of it if it has one (the new repost is not made); else the new repost's id.
     */
    private static final String REPOST = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return false end
            local existing = redis.call('HGET', KEYS[2], ARGV[1])
            if existing then return existing end
            redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
            redis.call('SET', KEYS[3], ARGV[3])
            redis.call('LPUSH', KEYS[4], ARGV[2])
            redis.call('LTRIM', KEYS[4], 0, 799)
            redis.call('HINCRBY', KEYS[5], 'reposts', 1)
            return ARGV[2]
            """;

    /**
     * Mastodon's rule for a repost entering a home feed: not if the original is among the feed's newest 40 entries,
     * and once however many followed accounts repost it. KEYS ht:FOLLOWER hr:FOLLOWER, ARGV repost original. (Mastodon
     * trims its set of reposted originals with the feed; for a benchmark's minutes, the set is left to grow.)
     */
    private static final String INSERT_REPOST = """
            if redis.call('LPOS', KEYS[1], ARGV[2], 'MAXLEN', 40) then return 0 end
            if redis.call('SADD', KEYS[2], ARGV[2]) == 0 then return 0 end
            redis.call('LPUSH', KEYS[1], ARGV[1])
            redis.call('LTRIM', KEYS[1], 0, 799)
            return 1
            """;

    private final JedisPooled redis;
    private volatile String like;
    private volatile String repost;
    private volatile String insertRepost;

    RedisScripts(JedisPooled redis) {
        this.redis = redis;
    }

    boolean like(long user, long tweet) {
        if (like == null) {
            like = redis.scriptLoad(LIKE);
        }
        Object done = redis.evalsha(
                like,
                List.of("t:" + tweet, "l:" + tweet, "ul:" + user, "c:" + tweet),
                List.of(String.valueOf(user), String.valueOf(tweet), String.valueOf(System.currentTimeMillis())));
        return ((Long) done) == 1;
    }

    /** The account's repost of {@code original}: {@code repost} if it had none, or 0 if the original does not exist. */
    long repost(long user, long original, long repost, String value) {
        if (this.repost == null) {
            this.repost = redis.scriptLoad(REPOST);
        }
        Object id = redis.evalsha(
                this.repost,
                List.of("t:" + original, "ur:" + user, "t:" + repost, "ut:" + user, "c:" + original),
                List.of(String.valueOf(original), String.valueOf(repost), value));
        return id == null ? 0 : Long.parseLong(id.toString());
    }

    Response<Object> insertRepost(Pipeline pipeline, String follower, String repost, String original) {
        if (insertRepost == null) {
            insertRepost = redis.scriptLoad(INSERT_REPOST);
        }
        return pipeline.evalsha(insertRepost, List.of("ht:" + follower, "hr:" + follower), List.of(repost, original));
    }
}
