package flock.benchmarks.server;

import static org.assertj.core.api.Assertions.assertThat;

import flock.benchmarks.RedisServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

/**
 * The Redis design the engagement mix measures Flock against, on a real Redis: it must do the work Flock does (the
 * reply rule, the repost rules, exact counts and the reader's state on every page), or the comparison says nothing.
 * Accounts A to F: C follows A and B, D follows A and E, A follows B, E follows B, F follows E.
 */
class RedisListsIT {
    private static final long A = 101;
    private static final long B = 102;
    private static final long C = 103;
    private static final long D = 104;
    private static final long E = 105;
    private static final long F = 106;

    @TempDir
    static Path dir;

    private static RedisServer server;
    private static JedisPooled redis;
    private static RedisLists design;

    @BeforeAll
    static void start() {
        server = RedisServer.start(dir);
        redis = new JedisPooled("127.0.0.1", server.port());
        design = new RedisLists("127.0.0.1", server.port());
    }

    @AfterAll
    static void stop() {
        redis.close();
        server.close();
    }

    @BeforeEach
    void accounts() {
        redis.flushAll();
        for (long user : List.of(A, B, C, D, E, F)) {
            redis.set("u:" + user, "u" + user + "\tUser " + user);
        }
        follow(C, A);
        follow(C, B);
        follow(D, A);
        follow(D, E);
        follow(A, B);
        follow(E, B);
        follow(F, E);
    }

    @Test
    void should_count_each_account_s_like_once_and_show_it_to_that_reader_only() {
        long tweet = design.post(B, "hello", 0);

        assertThat(design.like(C, tweet)).isTrue();
        assertThat(design.like(C, tweet)).isTrue();
        assertThat(design.like(D, tweet)).isTrue();
        assertThat(design.like(C, 999)).as("a tweet that does not exist").isFalse();

        await(() -> home(C).contains("\"id\":\"" + tweet + "\""));
        assertThat(shown(home(C), tweet))
                .contains("\"counts\":{\"likes\":2,\"reposts\":0,\"replies\":0,\"quotes\":0}")
                .contains("\"viewer\":{\"liked\":true,\"reposted\":false}");
        assertThat(shown(own(B), tweet)).contains("\"likes\":2").contains("\"liked\":false");
        assertThat(redis.zcard("ul:" + C)).isEqualTo(1);
    }

    @Test
    void should_give_a_reply_to_someone_else_only_to_followers_who_follow_that_account_too() {
        long parent = design.post(B, "question", 0);
        long reply = design.post(A, "answer", parent);
        long thread = design.post(A, "and more", reply);
        long elsewhere = design.post(A, "unrelated", 0);

        assertThat(design.post(A, "to nothing", 999)).isZero();
        await(() -> home(D).contains("\"id\":\"" + elsewhere + "\""));
        await(() -> home(C).contains("\"id\":\"" + elsewhere + "\""));
        assertThat(home(C)).as("C follows A and B").contains("\"id\":\"" + reply + "\"");
        assertThat(home(D))
                .as("D follows A but not B; a thread of A's own reaches all of A's followers")
                .doesNotContain("\"id\":\"" + reply + "\"")
                .contains("\"id\":\"" + thread + "\"");
        assertThat(shown(home(C), parent)).contains("\"replies\":1");
        assertThat(shown(home(C), reply))
                .contains("\"inReplyTo\":{\"tweetId\":\"" + parent + "\",\"authorId\":\"" + B + "\"}");
    }

    @Test
    void should_repost_once_per_account_and_show_a_repost_once_per_feed() {
        long original = design.post(B, "worth reposting", 0);
        await(() -> home(E).contains("\"id\":\"" + original + "\""));

        long repost = design.repost(A, original);
        assertThat(design.repost(A, original))
                .as("a second repost answers the first")
                .isEqualTo(repost);
        assertThat(design.repost(A, 999)).isZero();
        // A's followers are C then D, in one pipeline: once D has the repost, C has been offered it.
        await(() -> home(D).contains("\"id\":\"" + repost + "\""));
        assertThat(home(C))
                .as("C's feed has the original among its newest 40: no repost of it enters")
                .doesNotContain("\"id\":\"" + repost + "\"");

        long again = design.repost(E, original);
        // E's followers are D then F: once F has it, D has been offered it.
        await(() -> home(F).contains("\"id\":\"" + again + "\""));
        assertThat(home(D))
                .as("D follows both reposters; the original shows once")
                .doesNotContain("\"id\":\"" + again + "\"");
        assertThat(shown(home(D), original))
                .as("inside the repost, the original with its counts")
                .contains("\"reposts\":2")
                .contains("\"reposted\":false");
        assertThat(shown(home(A), original)).contains("\"reposted\":true");
        assertThat(shown(own(B), original)).contains("\"reposts\":2").contains("\"reposted\":false");
    }

    private static void follow(long follower, long followee) {
        redis.rpush("f:" + followee, String.valueOf(follower));
        redis.sadd("g:" + follower, String.valueOf(followee));
    }

    private static String home(long user) {
        return new String(design.page(user, 20, true), StandardCharsets.UTF_8);
    }

    private static String own(long user) {
        return new String(design.page(user, 20, false), StandardCharsets.UTF_8);
    }

    /** A tweet's JSON on a page: from its id to the end of its reader's state. */
    private static String shown(String page, long tweet) {
        int from = page.indexOf("{\"id\":\"" + tweet + "\"");
        assertThat(from).as("tweet %d on %s", tweet, page).isNotNegative();
        return page.substring(from, page.indexOf("}}", page.indexOf("\"viewer\"", from)) + 2);
    }

    /** The fan-out runs off the request path: waits for what it delivers. */
    private static void await(Callable<Boolean> delivered) {
        Awaitility.await("fan-out delivered").atMost(Duration.ofSeconds(10)).until(delivered);
    }
}
