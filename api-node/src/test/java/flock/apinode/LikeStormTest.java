package flock.apinode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.map.IMap;
import flock.apinode.account.Accounts;
import flock.apinode.engagement.Likes;
import flock.domain.FlockException;
import flock.domain.MapNames;
import flock.domain.engagement.EdgePage;
import flock.domain.engagement.LikeList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Likes racing through two API nodes, read by pages on both all the while: afterwards the count (read directly, and
 * as pages show it), the likers pages and every account's "liked by me" agree exactly with what each account's own
 * likes say, and every account that only liked is counted.
 */
class LikeStormTest {
    private static final int ACCOUNTS = 1_000;
    private static final int THREADS = 16;

    private final ApiServices first = TestGrid.newApiNode();
    private final ApiServices second = TestGrid.newApiNode();

    @Test
    void should_agree_on_count_likers_and_viewer_state_after_a_storm_of_likes_and_unlikes() throws Exception {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000), 36);
        Accounts accounts = first.accounts();
        long author = accounts.signUp("lk_a_" + run, "Author").user().id();
        long tweet = first.tweets()
                .post(author, "like me " + run, new long[0])
                .tweet()
                .id();
        long[] likers = new long[ACCOUNTS];
        for (int i = 0; i < ACCOUNTS; i++) {
            likers[i] = accounts.signUp("lk" + run + "_" + i, "Liker").user().id();
        }

        // A third only like (twice, once through each node); a third like then unlike, one after the other; a third
        // like and unlike at the same time through different nodes, so which wins is up to the grid.
        // Pages read the count on both nodes all the while, so each keeps counts that the storm then changes.
        AtomicBoolean storming = new AtomicBoolean(true);
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS + 2)) {
            List<Future<?>> work = new ArrayList<>();
            List<Future<?>> pages = List.of(
                    pool.submit(() -> readPagesWhile(storming, first.likes(), tweet)),
                    pool.submit(() -> readPagesWhile(storming, second.likes(), tweet)));
            for (int i = 0; i < ACCOUNTS; i++) {
                long account = likers[i];
                switch (i % 3) {
                    case 0 -> {
                        work.add(pool.submit(() -> first.likes().like(account, tweet)));
                        work.add(pool.submit(() -> second.likes().like(account, tweet)));
                    }
                    case 1 ->
                        work.add(pool.submit(() -> {
                            first.likes().like(account, tweet);
                            second.likes().unlike(account, tweet);
                        }));
                    default -> {
                        work.add(pool.submit(() -> first.likes().like(account, tweet)));
                        work.add(pool.submit(() -> second.likes().unlike(account, tweet)));
                    }
                }
            }
            for (Future<?> done : work) {
                done.get();
            }
            storming.set(false);
            for (Future<?> done : pages) {
                assertThat((Integer) done.get())
                        .as("pages read during the storm")
                        .isPositive();
            }
        }

        IMap<Long, LikeList> truth = TestGrid.client().getMap(MapNames.LIKES);
        Set<Long> expected = new HashSet<>();
        for (long account : likers) {
            if (truth.get(account).edgeOf(tweet) != 0) {
                expected.add(account);
            }
        }
        for (int i = 0; i < ACCOUNTS; i += 3) {
            assertThat(expected).as("an account that only liked").contains(likers[i]);
        }
        for (int i = 1; i < ACCOUNTS; i += 3) {
            assertThat(expected).as("an account that liked, then unliked").doesNotContain(likers[i]);
        }

        assertThat(first.likes().counts(tweet).likes()).isEqualTo(expected.size());
        assertThat(second.likes().counts(tweet).likes()).isEqualTo(expected.size());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(pageCount(first.likes(), tweet)).as("first node's page").isEqualTo(expected.size());
            assertThat(pageCount(second.likes(), tweet))
                    .as("second node's page")
                    .isEqualTo(expected.size());
        });
        assertThat(allLikers(first.likes(), tweet)).isEqualTo(expected);
        for (long account : likers) {
            assertThat(second.likes().likedAmong(account, new long[] {tweet}).contains(tweet))
                    .as("account %d likes it", account)
                    .isEqualTo(expected.contains(account));
        }
    }

    private static int readPagesWhile(AtomicBoolean storming, Likes likes, long tweet) {
        int read = 0;
        while (storming.get()) {
            pageCount(likes, tweet);
            read++;
        }
        return read;
    }

    /** The count a page shows of the tweet. */
    private static int pageCount(Likes likes, long tweet) {
        return likes.shownTo(Optional.empty()).of(new long[] {tweet}, 1).likes()[0];
    }

    @Test
    void should_page_likes_and_likers_newest_first_and_refuse_a_like_of_a_tweet_that_does_not_exist() {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000), 36);
        Likes likes = first.likes();
        long author = first.accounts().signUp("lp_a_" + run, "Author").user().id();
        long liker = first.accounts().signUp("lp_l_" + run, "Liker").user().id();
        long other = first.accounts().signUp("lp_o_" + run, "Other").user().id();
        long older =
                first.tweets().post(author, "older " + run, new long[0]).tweet().id();
        long newer =
                first.tweets().post(author, "newer " + run, new long[0]).tweet().id();

        likes.like(liker, newer);
        likes.like(liker, older); // liked last: first on the liker's page
        likes.like(other, older);

        EdgePage page = likes.likesOf(liker, Long.MAX_VALUE, 1);
        assertThat(page.otherIds()).containsExactly(older);
        assertThat(likes.likesOf(liker, page.edgeIds()[0], 5).otherIds()).containsExactly(newer);
        assertThat(likes.likersOf(older, Long.MAX_VALUE, 5).otherIds()).containsExactly(other, liker);
        assertThat(likes.counts(older).likes()).isEqualTo(2);

        long missing = newer + 1_000_000;
        assertThatThrownBy(() -> likes.like(liker, missing)).isInstanceOf(FlockException.class);
        assertThat(likes.likesOf(liker, Long.MAX_VALUE, 5).size())
                .as("the refused like changed nothing")
                .isEqualTo(2);
        likes.unlike(liker, missing); // idempotent: nothing to take back
        likes.unlike(other, older);
        likes.unlike(other, older);
        assertThat(likes.counts(older).likes()).isEqualTo(1);
        assertThat(likes.likersOf(older, Long.MAX_VALUE, 5).otherIds()).containsExactly(liker);
    }

    private static Set<Long> allLikers(Likes likes, long tweet) {
        Set<Long> seen = new HashSet<>();
        long cursor = Long.MAX_VALUE;
        while (true) {
            EdgePage page = likes.likersOf(tweet, cursor, 100);
            for (long account : page.otherIds()) {
                assertThat(seen.add(account))
                        .as("account %d on two pages", account)
                        .isTrue();
            }
            if (page.size() < 100) {
                return seen;
            }
            cursor = page.edgeIds()[page.size() - 1];
        }
    }
}
