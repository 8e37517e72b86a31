package flock.apinode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
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
import flock.domain.tweet.Tweet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Hybrid push/pull must be invisible to readers: the same script of sign-ups, follows, posts and deletes
 * is played once with every account pushed and once with a tiny pull threshold, and every page of every
 * feed, walked with several page sizes, must come out the same, and equal to the feed computed by hand.
 */
class HybridFeedTest {
    private static final int USERS = 14;
    private static final int CELEBRITIES = 2;
    private static final int POSTS = 160;
    private static final int PULL_THRESHOLD = 3;

    private final HazelcastInstance grid = TestGrid.client();

    @Test
    void should_serve_the_same_pages_with_pull_at_read_as_with_push_on_write() {
        List<List<List<String>>> pushed = play(FeedSettings.DEFAULTS.withPullThreshold(Integer.MAX_VALUE));
        List<List<List<String>>> hybrid = play(FeedSettings.DEFAULTS.withPullThreshold(PULL_THRESHOLD));
        assertThat(hybrid).isEqualTo(pushed);
    }

    /** Plays the script on fresh accounts and answers, per user, the pages of their feed as tweet texts. */
    private List<List<List<String>>> play(FeedSettings settings) {
        Script script = new Script(settings);
        script.run();
        List<List<List<String>>> pages = new ArrayList<>();
        for (int user = 0; user < USERS; user++) {
            int reader = user;
            List<String> expected = script.expectedFeed(reader);
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(script.walk(reader, 7)).isEqualTo(paged(expected, 7)));
            pages.add(script.walk(reader, 7));
            pages.add(script.walk(reader, 3));
            pages.add(script.walk(reader, 100));
        }
        if (settings.pullThreshold() == PULL_THRESHOLD) {
            script.assertCelebritiesArePulledNotPushed();
        }
        return pages;
    }

    private static List<List<String>> paged(List<String> feed, int size) {
        List<List<String>> pages = new ArrayList<>();
        for (int from = 0; from < feed.size(); from += size) {
            pages.add(feed.subList(from, Math.min(feed.size(), from + size)));
        }
        return pages;
    }

    /** One run: its own accounts, the same choices every time (a fixed seed). */
    private final class Script {
        private final Random random = new Random(42);
        private final Accounts accounts;
        private final Graph graph;
        private final Tweets tweets;
        private final HomeFeed homeFeed;
        private final IMap<Long, Tweet> storedTweets = grid.getMap(MapNames.TWEETS);
        private final IMap<Long, Timeline> homes = grid.getMap(MapNames.HOME_TIMELINES);
        private final long[] users = new long[USERS];
        private final boolean[][] follows = new boolean[USERS][USERS];
        private final Map<Long, String> live = new HashMap<>();
        private final Map<Long, Integer> authorOf = new HashMap<>();

        Script(FeedSettings settings) {
            ApiServices api = ApiServices.wire(grid, settings, GraphSettings.DEFAULTS);
            accounts = api.accounts();
            graph = api.graph();
            tweets = api.tweets();
            homeFeed = api.homeFeed();
        }

        void run() {
            String run = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000), 36);
            for (int i = 0; i < USERS; i++) {
                users[i] = accounts.signUp("hy" + run + "_" + i, "user " + i)
                        .user()
                        .id();
            }
            // Half the feeds are cached before anyone follows: the switch to pull must reach them.
            for (int i = 0; i < USERS; i += 2) {
                walk(i, 20);
            }
            for (int follower = 0; follower < USERS; follower++) {
                for (int followee = 0; followee < USERS; followee++) {
                    boolean celebrity = followee < CELEBRITIES;
                    if (follower != followee && (celebrity ? random.nextInt(10) < 8 : random.nextInt(10) < 3)) {
                        graph.follow(users[follower], users[followee]);
                        follows[follower][followee] = true;
                    }
                }
            }
            List<Long> posted = new ArrayList<>();
            for (int i = 0; i < POSTS; i++) {
                int author = random.nextInt(3) == 0 ? random.nextInt(CELEBRITIES) : random.nextInt(USERS);
                String text = "post " + i + " by " + author;
                long id = tweets.post(users[author], text, new long[0]).tweet().id();
                live.put(id, text);
                authorOf.put(id, author);
                posted.add(id);
            }
            for (int i = 0; i < POSTS / 10; i++) {
                long id = posted.get(random.nextInt(posted.size()));
                if (live.remove(id) != null) {
                    tweets.delete(users[authorOf.get(id)], id);
                }
            }
            // A third of the feeds are dropped, as idle eviction would: they come back by a rebuild.
            for (int i = 0; i < USERS; i += 3) {
                homes.delete(users[i]);
            }
        }

        /** Every live tweet by the reader or anyone the reader follows, newest first. */
        List<String> expectedFeed(int reader) {
            return live.keySet().stream()
                    .filter(id -> authorOf.get(id) == reader || follows[reader][authorOf.get(id)])
                    .sorted((a, b) -> Long.compare(b, a))
                    .map(live::get)
                    .toList();
        }

        /** The feed as the API pages it: each page's cursor is the last id it showed. */
        List<List<String>> walk(int reader, int pageSize) {
            List<List<String>> pages = new ArrayList<>();
            long maxId = Long.MAX_VALUE;
            while (true) {
                long[] ids = homeFeed.page(users[reader], new PageRequest(pageSize, maxId, 0));
                int shown = Math.min(pageSize, ids.length);
                List<String> page = new ArrayList<>();
                for (int i = 0; i < shown; i++) {
                    Tweet tweet = storedTweets.get(ids[i]);
                    if (tweet != null) {
                        page.add(tweet.text());
                    }
                }
                if (!page.isEmpty()) {
                    pages.add(page);
                }
                if (ids.length <= pageSize) {
                    return pages;
                }
                maxId = ids[pageSize - 1];
            }
        }

        void assertCelebritiesArePulledNotPushed() {
            IMap<Long, String> registry = grid.getMap(MapNames.PULL_ACCOUNTS);
            for (int celebrity = 0; celebrity < CELEBRITIES; celebrity++) {
                assertThat(registry.get(users[celebrity])).isEqualTo(MapNames.PULL);
            }
            for (int reader = CELEBRITIES; reader < USERS; reader++) {
                Timeline home = homes.get(users[reader]);
                for (int celebrity = 0; celebrity < CELEBRITIES; celebrity++) {
                    if (follows[reader][celebrity]) {
                        assertThat(home.pulledAuthors()).contains(users[celebrity]);
                    }
                }
                for (long id : home.toArray()) {
                    Integer author = authorOf.get(id);
                    assertThat(author != null && author < CELEBRITIES)
                            .as("feed of user %d holds a pushed copy of a celebrity's tweet %d", reader, id)
                            .isFalse();
                }
            }
        }
    }
}
