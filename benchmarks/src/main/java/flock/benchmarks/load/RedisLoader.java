package flock.benchmarks.load;

import flock.benchmarks.server.RedisLayout;
import flock.domain.tweet.Tweet;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * Loads a {@link Dataset} into Redis in the baseline's layout ({@link RedisLayout}): profiles, tweets, each user's own
 * tweet list, each home timeline as fan-out on write would have left it, each follower list and each set of accounts
 * followed, through pipelines of a few thousand commands.
 */
public final class RedisLoader {
    private static final int PIPELINE = 2_000;
    private static final int TIMELINE_LENGTH = 800;
    private static final long[] NO_MEDIA = new long[0];

    private final Jedis redis;

    public RedisLoader(Jedis redis) {
        this.redis = redis;
    }

    public void load(Dataset data) {
        redis.flushAll();
        int users = data.users();
        boolean[] nonePulled = new boolean[users];
        Progress progress = new Progress("redis", users);
        Pipeline pipeline = redis.pipelined();
        int queued = 0;
        for (int u = 0; u < users; u++) {
            long id = data.userIds[u];
            pipeline.set("u:" + id, data.handle(u) + "\tBench user " + u);
            for (long tweet : data.tweets[u]) {
                pipeline.set(
                        "t:" + tweet,
                        RedisLayout.tweetValue(
                                new Tweet(tweet, id, data.text(tweet), GridLoader.createdAt(tweet), NO_MEDIA)));
            }
            rpush(pipeline, "ut:" + id, data.tweets[u]);
            rpush(pipeline, "ht:" + id, data.homeFeed(u, nonePulled, TIMELINE_LENGTH));
            long[] followers = new long[data.followers[u].length];
            for (int i = 0; i < followers.length; i++) {
                followers[i] = data.userIds[data.followers[u][i]];
            }
            rpush(pipeline, "f:" + id, followers);
            String[] following = new String[data.graph.followingCount(u)];
            for (int i = 0; i < following.length; i++) {
                following[i] = String.valueOf(data.userIds[data.graph.followee(u, i)]);
            }
            if (following.length > 0) {
                pipeline.sadd("g:" + id, following);
            }
            queued += 5 + data.tweets[u].length;
            if (queued >= PIPELINE) {
                pipeline.sync();
                queued = 0;
            }
            progress.advance(1);
        }
        pipeline.sync();
        pipeline.close();
        progress.finish();
    }

    private static void rpush(Pipeline pipeline, String key, long[] ids) {
        if (ids.length == 0) {
            return;
        }
        String[] values = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            values[i] = String.valueOf(ids[i]);
        }
        pipeline.rpush(key, values);
    }
}
