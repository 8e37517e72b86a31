package flock.apinode;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import flock.apinode.account.Accounts;
import flock.apinode.graph.Followers;
import flock.apinode.graph.Graph;
import flock.apinode.graph.GraphSettings;
import flock.apinode.paging.PageRequest;
import flock.apinode.timeline.FeedSettings;
import flock.domain.MapNames;
import flock.domain.graph.FollowList;
import flock.domain.graph.FollowerChunkKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * One account's follower list split into chunks of 5 while 8 threads follow and unfollow it: the list,
 * its count and its pages stay exactly the fans whose own lists say they follow it, and no value grows
 * past its capacity by more than the follows in flight.
 */
class FollowerChunksStormTest {
    private static final int CHUNK = 5;
    private static final int FANS = 60;
    private static final int THREADS = 8;
    private static final int OPERATIONS_PER_THREAD = 150;

    private final HazelcastInstance grid = TestGrid.client();
    private final ApiServices api = ApiServices.wire(
            grid,
            FeedSettings.DEFAULTS.withPullThreshold(Integer.MAX_VALUE),
            new GraphSettings(CHUNK, GraphSettings.DEFAULTS.maxFollowing()));
    private final Accounts accounts = api.accounts();
    private final Graph graph = api.graph();

    @Test
    void should_keep_a_split_follower_list_exact_under_concurrent_follows_and_unfollows() throws Exception {
        String run = "c" + ThreadLocalRandom.current().nextInt(100_000);
        long star = accounts.signUp(run + "_star", "Star").user().id();
        long[] fans = new long[FANS];
        for (int i = 0; i < FANS; i++) {
            fans[i] = accounts.signUp(run + "_f" + i, "Fan").user().id();
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                work.add(pool.submit(() -> storm(star, fans)));
            }
            for (Future<?> done : work) {
                done.get();
            }
        }

        Set<Long> expected = new HashSet<>();
        IMap<Long, FollowList> following = grid.getMap(MapNames.FOLLOWING);
        for (long fan : fans) {
            FollowList list = following.get(fan);
            if (list != null && list.contains(star)) {
                expected.add(fan);
            }
        }
        long[] all = new Followers(grid).all(star);
        assertThat(all).doesNotHaveDuplicates();
        assertThat(Arrays.stream(all).boxed().toList()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(graph.profile(accounts.require(star)).followers()).isEqualTo(expected.size());
        assertThat(walkPages(star, 7)).containsExactlyInAnyOrderElementsOf(expected);

        FollowList head = grid.<Long, FollowList>getMap(MapNames.FOLLOWERS).get(star);
        assertThat(head.chunks())
                .as("a list of up to 60 in chunks of 5 is split")
                .isGreaterThan(1);
        assertThat(head.size()).isLessThanOrEqualTo(CHUNK + THREADS);
        IMap<FollowerChunkKey, FollowList> chunks = grid.getMap(MapNames.FOLLOWER_CHUNKS);
        for (int chunk = 1; chunk <= head.chunks(); chunk++) {
            FollowList part = chunks.get(new FollowerChunkKey(star, chunk));
            if (part != null) {
                assertThat(part.size()).as("chunk " + chunk).isLessThanOrEqualTo(CHUNK + THREADS);
            }
        }
    }

    /** Newest follow first, each edge once, every page's edges below the last page's. */
    private List<Long> walkPages(long star, int limit) {
        List<Long> seen = new ArrayList<>();
        long cursor = Long.MAX_VALUE;
        while (true) {
            FollowList page = graph.followersPage(star, new PageRequest(limit, cursor, 0));
            int shown = Math.min(limit, page.size());
            for (int i = 0; i < shown; i++) {
                assertThat(page.edgeIds()[i]).isLessThan(cursor);
                cursor = page.edgeIds()[i];
                seen.add(page.userIds()[i]);
            }
            if (page.size() <= limit) {
                return seen;
            }
        }
    }

    private Void storm(long star, long[] fans) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
            long fan = fans[random.nextInt(FANS)];
            if (random.nextInt(3) < 2) {
                graph.follow(fan, star);
            } else {
                graph.unfollow(fan, star);
            }
        }
        return null;
    }
}
