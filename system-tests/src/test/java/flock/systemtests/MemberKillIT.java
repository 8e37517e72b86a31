package flock.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import flock.testkit.CassandraServer;
import flock.testkit.FlockClient;
import flock.testkit.FlockClient.Account;
import flock.testkit.FlockClient.Answer;
import flock.testkit.FlockStack;
import flock.testkit.JvmProcess;
import flock.testkit.Latency;
import flock.testkit.StackMetrics;
import jakarta.json.JsonArray;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * A member crash (SIGKILL) in the middle of a storm of posts, follows, blocks and mutes, with three members and one
 * backup: every follow notified its target exactly once (the notify job replays its journals), and every tweet, follow,
 * block and mute the API acknowledged is still in the grid (served from the dead member's backups), and in
 * Cassandra once the write-behind queues drained (the backups' queues took over the dead member's). Home feeds have
 * no backup: the dead member's feeds are gone, and each of their readers' next page rebuilds theirs from the follow
 * lists and the authors' timelines, with every acknowledged tweet.
 */
class MemberKillIT {
    private static final int WRITERS = 4;

    /** Accounts each writer follows, one every third post. */
    private static final int TARGETS_PER_WRITER = 25;

    /** Accounts each writer blocks or mutes (in turn), one every fifth post. */
    private static final int KEPT_AWAY_PER_WRITER = 8;

    /**
     * Readers whose feeds are in memory when the member dies, each following one writer. With three members a
     * third of the feeds live on the victim: the chance that none of 24 does is under one in ten thousand.
     */
    private static final int READERS = 24;

    private static final Pattern FEED_REBUILDS = Pattern.compile("(?m)^flock_feed_rebuild_seconds_count\\S* (\\S+)$");

    @AutoClose
    private FlockStack stack;

    /** A follow the API acknowledged. */
    record Follow(String who, String whom) {}

    /** A block or a mute the API acknowledged, and the token that may read it back. */
    record KeptAway(Account who, String whom, String list) {}

    @Test
    void should_keep_every_acknowledged_tweet_and_follow_when_a_member_is_killed_mid_writes() throws Exception {
        stack = new FlockStack(CassandraServer.shared(), "kill").start(3);
        FlockClient client = new FlockClient(stack.apiUri());
        List<Account> writers = new ArrayList<>();
        List<List<Account>> targets = new ArrayList<>();
        List<List<String>> keptAway = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            writers.add(client.signUp(Handles.fresh("storm" + i)));
            List<Account> mine = new ArrayList<>();
            for (int t = 0; t < TARGETS_PER_WRITER; t++) {
                mine.add(client.signUp(Handles.fresh("target")));
            }
            targets.add(mine);
            List<String> away = new ArrayList<>();
            for (int t = 0; t < KEPT_AWAY_PER_WRITER; t++) {
                away.add(client.signUp(Handles.fresh("away")).id());
            }
            keptAway.add(away);
        }
        List<Account> readers = new ArrayList<>();
        for (int i = 0; i < READERS; i++) {
            Account reader = client.signUp(Handles.fresh("reader"));
            client.follow(reader, writers.get(i % WRITERS).id());
            assertThat(client.home(reader, "").status()).isEqualTo(200); // the feed is in memory from here on
            readers.add(reader);
        }
        Account reader = readers.get(0);
        Storm storm = new Storm();
        CountDownLatch warmedUp = new CountDownLatch(WRITERS);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            Account writer = writers.get(i);
            List<Account> mine = targets.get(i);
            List<String> away = keptAway.get(i);
            threads.add(Thread.ofPlatform().start(() -> storm.write(client, writer, mine, away, warmedUp)));
        }
        warmedUp.await();
        JvmProcess victim = stack.members().get(1);
        double rebuildsBefore = feedRebuilds();
        victim.kill();
        int atKill = storm.tweets.size();
        await("writes acknowledged again after the kill")
                .atMost(Duration.ofMinutes(1))
                .ignoreExceptions()
                .until(() -> storm.tweets.size() >= atKill + 100);
        storm.going.set(false);
        for (Thread thread : threads) {
            thread.join();
        }

        int tweetsInGrid = countTweetsInGrid(client, storm);
        int followsInGrid = countFollowsInGrid(client, storm);
        int keptAwayInGrid = countKeptAwayInGrid(client, storm);
        StackMetrics metrics = new StackMetrics(stack);
        Duration drained = Latency.of(
                await("the surviving members' write-behind queues to drain")
                        .atMost(Duration.ofMinutes(3))
                        .ignoreExceptions(),
                () -> metrics.sum(StackMetrics.WRITE_BEHIND_PENDING) == 0);
        int tweetsStored;
        int followsStored;
        int blocksStored;
        try (StoredRows rows = new StoredRows(CassandraServer.shared(), stack)) {
            tweetsStored = countTweetsStored(rows, storm);
            followsStored = countFollowsStored(rows, storm);
            blocksStored = (int) storm.keptAway.stream()
                    .filter(edge -> edge.list().equals("blocking"))
                    .filter(edge -> rows.blocking(edge.who().id()).contains(edge.whom()))
                    .count();
        }
        System.out.printf(
                "member kill (1 of 3): tweets acknowledged %d (%d before the kill), in the grid %d, in Cassandra %d,"
                        + " lost %d; follows acknowledged %d, in the grid %d, in Cassandra %d, lost %d; refused %d;"
                        + " queues drained %d s after the writes stopped%n",
                storm.tweets.size(),
                atKill,
                tweetsInGrid,
                tweetsStored,
                storm.tweets.size() - Math.min(tweetsInGrid, tweetsStored),
                storm.follows.size(),
                followsInGrid,
                followsStored,
                storm.follows.size() - Math.min(followsInGrid, followsStored),
                storm.refused.get(),
                drained.toSeconds());
        assertThat(storm.tweets.size()).isGreaterThan(atKill);
        assertThat(storm.follows).as("follows acknowledged").isNotEmpty();
        assertThat(tweetsInGrid).as("acknowledged tweets in the grid").isEqualTo(storm.tweets.size());
        assertThat(followsInGrid).as("acknowledged follows in the grid").isEqualTo(storm.follows.size());
        assertThat(tweetsStored).as("acknowledged tweets in Cassandra").isEqualTo(storm.tweets.size());
        assertThat(followsStored).as("acknowledged follows in Cassandra").isEqualTo(storm.follows.size());
        assertThat(storm.keptAway).as("blocks and mutes acknowledged").isNotEmpty();
        assertThat(keptAwayInGrid)
                .as("acknowledged blocks and mutes in the grid")
                .isEqualTo(storm.keptAway.size());
        assertThat(blocksStored)
                .as("acknowledged blocks in Cassandra")
                .isEqualTo(storm.keptAway.stream()
                        .filter(edge -> edge.list().equals("blocking"))
                        .count());

        // The fan-out job lost a member too: it restarts from its last snapshot and keeps delivering.
        String afterKill = client.tweetId(writers.get(0), "posted after the crash");
        Duration lag = Latency.of(
                await("the fan-out delivers after a member was killed")
                        .atMost(Duration.ofSeconds(60))
                        .ignoreExceptions(),
                () -> client.home(reader, "?limit=100").itemIds().contains(afterKill));
        System.out.printf("member kill: fan-out delivered a post-crash tweet after %d ms%n", lag.toMillis());

        // Every reader's whole feed (every page) holds every tweet acknowledged to the writer they follow,
        // whether their feed survived on a live member or was lost with the victim and rebuilt on this read.
        for (int i = 0; i < READERS; i++) {
            Account each = readers.get(i);
            String followed = writers.get(i % WRITERS).id();
            List<String> acknowledged = storm.tweets.stream()
                    .filter(tweet -> tweet[0].equals(followed))
                    .map(tweet -> tweet[1])
                    .toList();
            await("reader " + i + "'s feed to hold the " + acknowledged.size() + " tweets acknowledged to its writer")
                    .atMost(Duration.ofSeconds(60))
                    .ignoreExceptions()
                    .untilAsserted(
                            () -> assertThat(client.allIds("/api/v1/users/" + each.id() + "/timeline", each.token()))
                                    .containsAll(acknowledged));
        }
        // The notify job replayed its journals from its last snapshot: every acknowledged follow told its target once.
        for (Account target : storm.followed) {
            await("the follow notification of " + target.id())
                    .atMost(Duration.ofSeconds(60))
                    .ignoreExceptions()
                    .untilAsserted(() -> {
                        JsonArray items = client.get("/api/v1/notifications?types=follow", target.token())
                                .json()
                                .getJsonArray("items");
                        assertThat(items).hasSize(1);
                        assertThat(items.getJsonObject(0).getInt("count"))
                                .as("counted once, replay or not")
                                .isEqualTo(1);
                    });
        }
        double rebuilt = feedRebuilds() - rebuildsBefore;
        System.out.printf("member kill: %.0f of %d readers' feeds rebuilt after the kill%n", rebuilt, READERS);
        assertThat(rebuilt).as("feeds lost with the victim and rebuilt on read").isPositive();
    }

    /** Home feeds the API node rebuilt so far (its own metric): each one a read that found no feed in memory. */
    private double feedRebuilds() {
        Matcher matcher = FEED_REBUILDS.matcher(stack.fetch(stack.apiUri().resolve("/observe/metrics")));
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    /** What the writers were told: acknowledged tweets (author, id) and follows, and how many were refused. */
    private static final class Storm {
        final ConcurrentLinkedQueue<String[]> tweets = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Follow> follows = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Account> followed = new ConcurrentLinkedQueue<>();

        void followed(Account target) {
            followed.add(target);
        }

        final ConcurrentLinkedQueue<KeptAway> keptAway = new ConcurrentLinkedQueue<>();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicBoolean going = new AtomicBoolean(true);

        /**
         * Posts without pause, follows the next target every third post, and blocks or mutes (in turn) the next of
         * {@code away} every fifth; a refusal (503) is allowed.
         */
        void write(
                FlockClient client, Account writer, List<Account> targets, List<String> away, CountDownLatch warmedUp) {
            int followed = 0;
            int kept = 0;
            for (int n = 0; going.get(); n++) {
                Answer posted = client.tweet(writer, "storm tweet " + n);
                if (posted.status() == 201) {
                    tweets.add(new String[] {writer.id(), posted.string("id")});
                } else {
                    refused.incrementAndGet();
                }
                if (n % 3 == 0 && followed < targets.size()) {
                    Account target = targets.get(followed++);
                    if (client.follow(writer, target.id()).status() == 204) {
                        follows.add(new Follow(writer.id(), target.id()));
                        followed(target);
                    } else {
                        refused.incrementAndGet();
                    }
                }
                if (n % 5 == 0 && kept < away.size()) {
                    String list = kept % 2 == 0 ? "blocking" : "muting";
                    String whom = away.get(kept++);
                    String path = "/api/v1/users/" + writer.id() + "/" + list + "/" + whom;
                    if (client.send("PUT", path, writer.token(), null).status() == 204) {
                        keptAway.add(new KeptAway(writer, whom, list));
                    } else {
                        refused.incrementAndGet();
                    }
                }
                if (n == 20) {
                    warmedUp.countDown();
                }
            }
        }
    }

    private static int countTweetsInGrid(FlockClient client, Storm storm) {
        int found = 0;
        for (String[] tweet : storm.tweets) {
            found += client.get("/api/v1/tweets/" + tweet[1], null).status() == 200 ? 1 : 0;
        }
        return found;
    }

    /** A follow is whole when both sides show it: the follower's following list and the followed's followers. */
    private static int countFollowsInGrid(FlockClient client, Storm storm) {
        int found = 0;
        for (Follow follow : storm.follows) {
            boolean following = client.allIds("/api/v1/users/" + follow.who() + "/following", null)
                    .contains(follow.whom());
            boolean followedBy = client.allIds("/api/v1/users/" + follow.whom() + "/followers", null)
                    .contains(follow.who());
            found += following && followedBy ? 1 : 0;
        }
        return found;
    }

    private static int countKeptAwayInGrid(FlockClient client, Storm storm) {
        int found = 0;
        for (KeptAway edge : storm.keptAway) {
            String path = "/api/v1/users/" + edge.who().id() + "/" + edge.list();
            found += client.allIds(path, edge.who().token()).contains(edge.whom()) ? 1 : 0;
        }
        return found;
    }

    private static int countTweetsStored(StoredRows rows, Storm storm) {
        int found = 0;
        for (String[] tweet : storm.tweets) {
            found += rows.hasTweet(tweet[1]) && rows.tweetsBy(tweet[0]).contains(tweet[1]) ? 1 : 0;
        }
        return found;
    }

    private static int countFollowsStored(StoredRows rows, Storm storm) {
        int found = 0;
        for (Follow follow : storm.follows) {
            found += rows.following(follow.who()).contains(follow.whom())
                            && rows.followers(follow.whom()).contains(follow.who())
                    ? 1
                    : 0;
        }
        return found;
    }
}
