package flock.apinode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import flock.apinode.account.Accounts;
import flock.apinode.graph.Graph;
import flock.apinode.tweet.Tweets;
import flock.domain.MapNames;
import flock.domain.graph.FollowList;
import flock.domain.timeline.Timeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Storms of concurrent follows, unfollows, posts and deletes from many threads, then the invariants:
 * each follow edge is in both directions or in neither, counts equal edges, a user's tweet count equals
 * the tweets left, and no home timeline holds an entry twice.
 */
class ConcurrencyStormTest {
    private static final int USERS = 8;
    private static final int THREADS = 8;
    private static final int OPERATIONS_PER_THREAD = 300;

    private final HazelcastInstance grid = TestGrid.client();
    private final ApiServices api = ApiServices.wire(grid);
    private final Accounts accounts = api.accounts();
    private final Graph graph = api.graph();
    private final Tweets tweets = api.tweets();

    @Test
    void should_keep_the_graph_symmetric_and_the_counts_true_under_concurrent_writes() throws Exception {
        long[] users = new long[USERS];
        for (int i = 0; i < USERS; i++) {
            users[i] = accounts.signUp("storm_" + ThreadLocalRandom.current().nextInt(1_000_000) + "_" + i, "s")
                    .user()
                    .id();
        }
        Set<Long> posted = ConcurrentHashMap.newKeySet();
        Set<Long> deleted = ConcurrentHashMap.newKeySet();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                work.add(pool.submit(() -> storm(users, posted, deleted)));
            }
            for (Future<?> done : work) {
                done.get();
            }
        }

        IMap<Long, FollowList> following = grid.getMap(MapNames.FOLLOWING);
        IMap<Long, FollowList> followers = grid.getMap(MapNames.FOLLOWERS);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(edges(following, users)).isEqualTo(reversed(edges(followers, users))));
        for (long user : users) {
            long left = posted.stream()
                    .filter(id -> !deleted.contains(id)
                            && tweets.find(id).map(t -> t.authorId() == user).orElse(false))
                    .count();
            assertThat(tweets.countOf(user).join()).as("tweet count of " + user).isEqualTo(left);
        }
        IMap<Long, Timeline> homes = grid.getMap(MapNames.HOME_TIMELINES);
        for (long user : users) {
            Timeline home = homes.get(user);
            if (home != null) {
                assertThat(home.toArray()).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void should_keep_one_pair_symmetric_when_follows_and_unfollows_of_it_race() throws Exception {
        long a = accounts.signUp("pair_a_" + ThreadLocalRandom.current().nextInt(100_000), "a")
                .user()
                .id();
        long b = accounts.signUp("pair_b_" + ThreadLocalRandom.current().nextInt(100_000), "b")
                .user()
                .id();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                boolean follower = t % 2 == 0;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
                        if (follower) {
                            graph.follow(a, b);
                        } else {
                            graph.unfollow(a, b);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        }
        IMap<Long, FollowList> following = grid.getMap(MapNames.FOLLOWING);
        IMap<Long, FollowList> followers = grid.getMap(MapNames.FOLLOWERS);
        boolean aFollowsB = following.get(a) != null && following.get(a).contains(b);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        followers.get(b) != null && followers.get(b).contains(a))
                .as("b's followers agree with a's following (%s)", aFollowsB)
                .isEqualTo(aFollowsB));
    }

    private Void storm(long[] users, Set<Long> posted, Set<Long> deleted) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
            long a = users[random.nextInt(USERS)];
            long b = users[random.nextInt(USERS)];
            switch (random.nextInt(4)) {
                case 0 -> {
                    if (a != b) {
                        graph.follow(a, b);
                    }
                }
                case 1 -> graph.unfollow(a, b);
                case 2 ->
                    posted.add(tweets.post(a, "storm " + i, new long[0]).tweet().id());
                default -> {
                    Long victim = posted.stream()
                            .filter(id -> !deleted.contains(id))
                            .findAny()
                            .orElse(null);
                    if (victim != null && deleted.add(victim)) {
                        tweets.find(victim).ifPresent(tweet -> tweets.delete(tweet.authorId(), victim));
                    }
                }
            }
        }
        return null;
    }

    /** Every edge "a follows b" among the users, from one direction's lists. */
    private static Set<List<Long>> edges(IMap<Long, FollowList> map, long[] users) {
        Set<List<Long>> edges = new HashSet<>();
        for (long user : users) {
            FollowList list = map.get(user);
            if (list != null) {
                for (long other : list.userIds()) {
                    edges.add(List.of(user, other));
                }
            }
        }
        return edges;
    }

    private static Set<List<Long>> reversed(Set<List<Long>> edges) {
        Set<List<Long>> result = new HashSet<>();
        for (List<Long> edge : edges) {
            result.add(List.of(edge.get(1), edge.get(0)));
        }
        return result;
    }
}
