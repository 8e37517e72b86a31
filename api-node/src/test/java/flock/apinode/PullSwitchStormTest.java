package flock.apinode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.flakeidgen.FlakeIdGenerator;
import com.hazelcast.map.IMap;
import flock.apinode.account.Accounts;
import flock.apinode.graph.Graph;
import flock.apinode.graph.GraphSettings;
import flock.apinode.paging.PageRequest;
import flock.apinode.timeline.FeedSettings;
import flock.apinode.timeline.HomeFeed;
import flock.apinode.tweet.Tweets;
import flock.domain.MapNames;
import flock.domain.timeline.Timeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The switch to pull while everything happens at once: followers keep following an account across the
 * threshold, the account keeps posting, and feeds keep being dropped and rebuilt. Afterwards, every tweet
 * posted after a follower's follow was acknowledged must be in that follower's feed: the switch may
 * change where a tweet comes from, never whether it comes.
 */
class PullSwitchStormTest {
    private static final int FOLLOWERS = 24;
    private static final int THRESHOLD = 6;
    private static final int POSTS = 80;

    private final HazelcastInstance grid = TestGrid.client();
    private final FeedSettings settings = FeedSettings.DEFAULTS.withPullThreshold(THRESHOLD);
    private final ApiServices api = ApiServices.wire(grid, settings, GraphSettings.DEFAULTS);
    private final Accounts accounts = api.accounts();
    private final Graph graph = api.graph();
    private final Tweets tweets = api.tweets();
    private final HomeFeed homeFeed = api.homeFeed();

    @Test
    void should_lose_no_tweet_while_an_account_switches_to_pull_under_load() throws Exception {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000), 36);
        long star = accounts.signUp("star_" + run, "Star").user().id();
        long[] fans = new long[FOLLOWERS];
        for (int i = 0; i < FOLLOWERS; i++) {
            fans[i] = accounts.signUp("fan" + i + "_" + run, "Fan").user().id();
            read(fans[i]); // cached before the switch: the switch must reach these feeds
        }
        // fan -> an id drawn right after the follow was acknowledged: tweet ids drawn later are larger (one
        // client's flake ids only grow), so every tweet above it was posted after the follow.
        Map<Long, Long> followedAtId = new ConcurrentHashMap<>();
        FlakeIdGenerator ids = grid.getFlakeIdGenerator(MapNames.ID_GENERATOR);
        List<Long> posted = new ArrayList<>();
        AtomicBoolean posting = new AtomicBoolean(true);
        IMap<Long, Timeline> homes = grid.getMap(MapNames.HOME_TIMELINES);
        try (ExecutorService pool = Executors.newFixedThreadPool(5)) {
            List<Future<?>> work = new ArrayList<>();
            work.add(pool.submit(() -> {
                for (int i = 0; i < POSTS; i++) {
                    long id = tweets.post(star, "star post " + i, new long[0])
                            .tweet()
                            .id();
                    synchronized (posted) {
                        posted.add(id);
                    }
                }
                posting.set(false);
                return null;
            }));
            for (int t = 0; t < 3; t++) {
                int first = t;
                work.add(pool.submit(() -> {
                    for (int i = first; i < FOLLOWERS; i += 3) {
                        graph.follow(fans[i], star);
                        followedAtId.put(fans[i], ids.newId());
                    }
                    return null;
                }));
            }
            work.add(pool.submit(() -> {
                while (posting.get()) {
                    long fan = fans[ThreadLocalRandom.current().nextInt(FOLLOWERS)];
                    if (ThreadLocalRandom.current().nextBoolean()) {
                        homes.delete(fan); // as idle eviction would; the next read rebuilds it
                    }
                    read(fan);
                }
                return null;
            }));
            for (Future<?> done : work) {
                done.get();
            }
        }

        assertThat(grid.<Long, String>getMap(MapNames.PULL_ACCOUNTS).get(star)).isEqualTo(MapNames.PULL);
        for (long fan : fans) {
            Set<Long> due = new HashSet<>();
            for (long id : posted) {
                if (id > followedAtId.get(fan)) {
                    due.add(id);
                }
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(new HashSet<>(feed(fan)))
                    .as("feed of fan %d", fan)
                    .containsAll(due));
        }
    }

    private void read(long user) {
        homeFeed.page(user, new PageRequest(20, Long.MAX_VALUE, 0));
    }

    private List<Long> feed(long user) {
        long[] ids = homeFeed.page(user, new PageRequest(100, Long.MAX_VALUE, 0));
        List<Long> list = new ArrayList<>();
        for (long id : ids) {
            list.add(id);
        }
        return list;
    }
}
