package flock.benchmarks.server;

import com.hazelcast.core.HazelcastInstance;
import flock.apinode.Main;
import flock.apinode.render.TweetPages;
import flock.domain.account.User;
import flock.domain.tweet.Tweet;
import flock.mapstores.CassandraConfig;
import flock.mapstores.CassandraSessions;
import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The one Helidon server every system under test answers through: Flock's real API under
 * {@code /api/v1}, and beside it the ceiling ({@code /bench/ceiling}: a fixed page, no work), Twitter's
 * Redis lists ({@code /bench/redis}) and pull on read from Cassandra ({@code /bench/pull}). Settings are
 * the API node's (application.yaml) plus {@code bench.redis.port} and the {@code flock.cassandra.*} keys.
 */
public final class BenchServer {
    private static final Logger LOG = Logger.getLogger(BenchServer.class.getName());

    private BenchServer() {}

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        Config config = Config.create();
        HazelcastInstance grid = Main.connect(config);
        RedisLists redis = new RedisLists("127.0.0.1", Integer.getInteger("bench.redis.port", 6379));
        PullFromCassandra pull =
                new PullFromCassandra(CassandraSessions.open(CassandraConfig.fromEnvironment(), Duration.ofMinutes(2)));
        WebServer server = WebServer.builder()
                .config(config.get("server"))
                .directHandlers(Main.earlyRefusals())
                .addFeature(Main.observe(grid))
                .routing(routing -> routing(routing, grid, config, redis, pull))
                .build()
                .start();
        LOG.info("Flock bench server ready on http://127.0.0.1:" + server.port());
    }

    private static void routing(
            HttpRouting.Builder routing,
            HazelcastInstance grid,
            Config config,
            RedisLists redis,
            PullFromCassandra pull) {
        Main.mount(routing, grid, config);
        Map<Integer, byte[]> ceilingPages = new ConcurrentHashMap<>();
        routing.get("/bench/ceiling", (request, response) -> {
            int limit = request.query().first("limit").map(Integer::parseInt).orElse(20);
            Baseline.send(response, 200, ceilingPages.computeIfAbsent(limit, BenchServer::fixedPage));
        });
        routing.register("/bench/redis", redis).register("/bench/pull", pull);
    }

    /** A page of the size Flock answers: the same JSON for tweets of about the benchmark's text length. */
    static byte[] fixedPage(int limit) {
        long[] ids = new long[limit + 1];
        Map<Long, Tweet> tweets = new HashMap<>();
        User author = new User(1_177_896_939_325_227_009L, "b1234", "Bench user 1234", 0);
        for (int i = 0; i <= limit; i++) {
            ids[i] = 1_177_896_939_325_228_000L - i * 4_096L;
            tweets.put(
                    ids[i],
                    new Tweet(
                            ids[i],
                            author.id(),
                            "feed grid member write read coffee timeline cache launch people news partition",
                            1_764_000_000_000L,
                            new long[0]));
        }
        return TweetPages.render(ids, limit, tweets, Map.of(author.id(), author));
    }
}
