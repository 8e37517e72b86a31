package flock.apinode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import flock.apinode.paging.PageRequest;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Metrics;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Two API nodes on one grid, each caching the feed heads its readers read: a first page read again with nothing
 * changed makes no grid call, and a tweet posted through one node shows in the first page read through the other,
 * whose cached head the fan-out's message patched, still without a grid call.
 */
class FeedHeadCacheTest {
    private static final PageRequest FIRST_PAGE = new PageRequest(20, Long.MAX_VALUE, 0);

    private final ApiServices onA = TestGrid.newApiNode();
    private final ApiServices onB = TestGrid.newApiNode();

    @Test
    void should_answer_an_unchanged_first_page_from_the_head_and_a_changed_one_from_the_member() {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000), 36);
        long author = onA.accounts().signUp("fh_a_" + run, "Author").user().id();
        long reader = onA.accounts().signUp("fh_r_" + run, "Reader").user().id();
        onA.graph().follow(reader, author);
        long first =
                onA.tweets().post(author, "first " + run, new long[0]).tweet().id();
        await().atMost(Duration.ofMinutes(1))
                .until(() -> contains(onB.homeFeed().page(reader, FIRST_PAGE), first));

        // Once the fan-out's message for the first tweet has come in, node B's head stays and answers.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            long hitsBefore = hits();
            long[] again = onB.homeFeed().page(reader, FIRST_PAGE);
            return hits() - hitsBefore == 1 && contains(again, first);
        });
        long missesBefore = misses();
        long second =
                onA.tweets().post(author, "second " + run, new long[0]).tweet().id();
        // Well within the heads' time to live (15 s at the least): only the fan-out's message can change the head.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            long hitsBefore = hits();
            long[] again = onB.homeFeed().page(reader, FIRST_PAGE);
            return hits() - hitsBefore == 1 && again.length >= 2 && again[0] == second && again[1] == first;
        });
        assertThat(misses() - missesBefore)
                .as("node B's head patched by the fan-out's message, not read again from the member")
                .isZero();
        assertThat(onB.homeFeed().page(reader, new PageRequest(20, Long.MAX_VALUE, second)))
                .as("a poll for what is newer than the newest: nothing")
                .isEmpty();
    }

    private static boolean contains(long[] ids, long id) {
        return Arrays.stream(ids).anyMatch(each -> each == id);
    }

    private static long hits() {
        return count("flock.feed.head.hits");
    }

    private static long misses() {
        return count("flock.feed.head.misses");
    }

    private static long count(String counter) {
        return Metrics.globalRegistry().getOrCreate(Counter.builder(counter)).count();
    }
}
