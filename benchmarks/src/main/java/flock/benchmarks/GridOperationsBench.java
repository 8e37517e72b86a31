package flock.benchmarks;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.map.IMap;
import flock.apinode.account.Accounts;
import flock.apinode.engagement.Likes;
import flock.apinode.graph.Graph;
import flock.apinode.graph.GraphSettings;
import flock.apinode.graph.PullAccounts;
import flock.apinode.grid.GridClient;
import flock.apinode.media.MediaLibrary;
import flock.apinode.paging.PageRequest;
import flock.apinode.render.RenderedTweets;
import flock.apinode.render.ShownEngagement;
import flock.apinode.render.Views;
import flock.apinode.safety.Blocks;
import flock.apinode.safety.Mutes;
import flock.apinode.safety.Visibility;
import flock.apinode.timeline.FeedMetrics;
import flock.apinode.timeline.FeedSettings;
import flock.apinode.timeline.HomeFeed;
import flock.apinode.tweet.Tweets;
import flock.domain.MapNames;
import flock.domain.graph.FollowList;
import flock.domain.timeline.Timeline;
import flock.objectstore.ObjectStore;
import flock.objectstore.ObjectStoreSettings;
import flock.pipelines.FanOutPipeline;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

/**
 * How many grid operations one post and one home page cost: two members in this JVM on the project's hazelcast.yaml
 * (without Cassandra, whose statements are counted apart), a client configured as an API node's, and the API node's
 * own services. It posts as an author with {@value #FOLLOWERS} followers whose feeds are all in memory, waits until the
 * fan-out put each tweet in every feed, and reads the operations the members executed (partition and generic
 * threads, backups included) before and after; then the same for home pages.
 *
 * <p>Usage: {@code GridOperationsBench [posts]} ({@code ./flock bench --ops}).
 */
public final class GridOperationsBench {
    /** The followers of the posting author, as the post-path cost is quoted (the benchmark's mean is about 20). */
    static final int FOLLOWERS = 20;

    private GridOperationsBench() {}

    /**
     * Grid operations the members executed, backups included, means over the posts and pages measured.
     *
     * @param perPost one post of an author with {@value #FOLLOWERS} followers, every feed in memory, fan-out awaited
     * @param perPage one home page of 20 as the API answers it, with every tweet's counts and the reader's likes: the feed
     *     in memory, tweets, authors, counts and the reader's likes near-cached
     * @param perLike one like of a tweet by one of the author's followers
     * @param perProfilePage one page of 20 of the author's own tweets as the API answers it to a follower, with counts
     *     and the reader's likes, read again while the author posted nothing
     * @param perColdPage one home page of 20 as the API answers it, token check and the accounts the reader hides
     *     included, to a reader this API node has not seen yet (its feed in memory on the members, the tweets
     *     near-cached): what nearly every page of a closed loop over a million users is
     */
    public record Counts(
            int posts, double perPost, double perPage, double perLike, double perProfilePage, double perColdPage) {}

    public static void main(String[] args) throws Exception {
        Counts counts = measure(args.length > 0 ? Integer.parseInt(args[0]) : 200);
        System.out.printf(
                "grid operations executed on the members, backups included (mean of %d):%n"
                        + "  one post of an author with %d followers, every feed in memory: %.1f%n"
                        + "  one home page of 20 with counts and the reader's likes, all near-cached: %.1f%n"
                        + "  one like: %.1f%n"
                        + "  one profile page of 20 with counts and the reader's likes, read again: %.1f%n"
                        + "  one home page of 20 to a reader this API node has not seen: %.1f%n",
                counts.posts(),
                FOLLOWERS,
                counts.perPost(),
                counts.perPage(),
                counts.perLike(),
                counts.perProfilePage(),
                counts.perColdPage());
    }

    /** Posts and pages this many times after as many unmeasured ones, on two members of this JVM. */
    public static Counts measure(int posts) throws IOException {
        String cluster = "ops-bench-" + ProcessHandle.current().pid();
        HazelcastInstance first = Hazelcast.newHazelcastInstance(memberConfig(cluster));
        HazelcastInstance second = Hazelcast.newHazelcastInstance(memberConfig(cluster));
        List<HazelcastInstance> members = List.of(first, second);
        io.helidon.config.Config clientSettings = io.helidon.config.Config.just(io.helidon.config.ConfigSources.create(
                Map.of("cluster-name", cluster, "addresses", addresses(members))));
        HazelcastInstance client = HazelcastClient.newHazelcastClient(GridClient.config(clientSettings));
        try {
            FanOutPipeline.submitIfAbsent(first.getJet());
            Accounts accounts = new Accounts(client);
            PullAccounts pull = new PullAccounts(client, FeedSettings.DEFAULTS.pullThreshold());
            Blocks blocks = new Blocks(client);
            Graph graph = new Graph(client, accounts, pull, GraphSettings.DEFAULTS, blocks);
            HomeFeed homes = new HomeFeed(client, graph, pull, FeedSettings.DEFAULTS, FeedMetrics.register(client));
            MediaLibrary media =
                    new MediaLibrary(client, new ObjectStore(ObjectStoreSettings.LOCAL), Duration.ofMinutes(5));
            RenderedTweets rendered = RenderedTweets.register(client, 100_000);
            Tweets tweets = new Tweets(client, media, rendered, blocks);
            Views views = new Views(client, rendered);
            Likes likes = new Likes(client, blocks);

            long author = accounts.signUp("ops_author", "Author").user().id();
            // What Cassandra's loader gives an account that blocks nobody, which these members lack: an empty list
            // the near cache keeps, so that a like's block check is no grid call, as in production.
            client.<Long, FollowList>getMap(MapNames.BLOCKING).set(author, FollowList.EMPTY);
            List<Long> fans = new ArrayList<>();
            List<String> fanTokens = new ArrayList<>();
            for (int i = 0; i < FOLLOWERS; i++) {
                Accounts.SignUp signUp = accounts.signUp("ops_fan_" + i, "Fan " + i);
                long fan = signUp.user().id();
                fanTokens.add(signUp.token());
                client.<Long, FollowList>getMap(MapNames.BLOCKING).set(fan, FollowList.EMPTY); // as for the author
                graph.follow(fan, author);
                homes.page(fan, new PageRequest(20, Long.MAX_VALUE, 0)); // the feed is in memory from here on
                fans.add(fan);
            }
            IMap<Long, Timeline> feeds = client.getMap(MapNames.HOME_TIMELINES);
            PageRequest firstPage = new PageRequest(20, Long.MAX_VALUE, 0);
            // Every tweet is liked once: these members have no Cassandra, whose loader gives a tweet nobody liked empty
            // counts that a near cache can keep (no near cache keeps a key without a value).
            for (int i = 0; i < posts; i++) { // warm-up: the JIT, the near caches, the fan-out's batching
                long id = postAndAwaitFanOut(tweets, feeds, author, fans, "warm-up " + i)[0];
                long reader = fans.get(i % FOLLOWERS);
                likes.like(reader, id);
                shown(views, likes, reader, homes.page(reader, firstPage), firstPage);
            }

            long before = executed(members);
            long waitReads = 0;
            long[] measured = new long[posts];
            for (int i = 0; i < posts; i++) {
                long[] posted = postAndAwaitFanOut(tweets, feeds, author, fans, "measured " + i);
                measured[i] = posted[0];
                waitReads += posted[1];
            }
            double perPost = (executed(members) - before - waitReads) / (double) posts;
            before = executed(members);
            for (int i = 0; i < posts; i++) {
                likes.like(fans.get((i + 1) % FOLLOWERS), measured[i]);
            }
            double perLike = (executed(members) - before) / (double) posts;
            for (long fan :
                    fans) { // the reader's list and the new counts into the near caches, as steady traffic keeps them
                shown(views, likes, fan, homes.page(fan, firstPage), firstPage);
            }
            before = executed(members);
            for (int i = 0; i < posts; i++) {
                long reader = fans.get(i % FOLLOWERS);
                shown(views, likes, reader, homes.page(reader, firstPage), firstPage);
            }
            double perPage = (executed(members) - before) / (double) posts;
            // The author's timeline into the near cache, as the first reader of a profile puts it there.
            shown(views, likes, fans.get(0), tweets.userTimelinePage(author, firstPage), firstPage);
            before = executed(members);
            for (int i = 0; i < posts; i++) {
                shown(views, likes, fans.get(i % FOLLOWERS), tweets.userTimelinePage(author, firstPage), firstPage);
            }
            double perProfilePage = (executed(members) - before) / (double) posts;
            double perColdPage = coldPages(members, clientSettings, author, fans, fanTokens);
            return new Counts(posts, perPost, perPage, perLike, perProfilePage, perColdPage);
        } finally {
            client.shutdown();
            second.shutdown();
            first.shutdown();
        }
    }

    /**
     * Each follower's first home page through a second API node's connection, which has seen none of them: the token
     * checked, the feed's head read, the reader's likes, reposts, blocks and mutes looked up, the page assembled. The
     * author's page is read first, unmeasured, so that the new connection's one-time calls (each map's proxy and near
     * cache listener) are not counted, and so that the tweets and their counts are near-cached as a busy node has them.
     */
    private static double coldPages(
            List<HazelcastInstance> members,
            io.helidon.config.Config clientSettings,
            long author,
            List<Long> fans,
            List<String> fanTokens) {
        HazelcastInstance second = HazelcastClient.newHazelcastClient(GridClient.config(clientSettings));
        try {
            Accounts accounts = new Accounts(second);
            PullAccounts pull = new PullAccounts(second, FeedSettings.DEFAULTS.pullThreshold());
            Blocks blocks = new Blocks(second);
            Graph graph = new Graph(second, accounts, pull, GraphSettings.DEFAULTS, blocks);
            HomeFeed homes = new HomeFeed(second, graph, pull, FeedSettings.DEFAULTS, FeedMetrics.register(second));
            Views views = new Views(second, RenderedTweets.register(second, 100_000));
            Likes likes = new Likes(second, blocks);
            Visibility visibility = new Visibility(blocks, new Mutes(second));
            PageRequest firstPage = new PageRequest(20, Long.MAX_VALUE, 0);
            for (long reader : new long[] {author, fans.get(0)}) { // the connection's one-time calls, unmeasured
                shownInHome(views, likes, visibility, homes, reader, firstPage);
            }
            long before = executed(members);
            for (int i = 1; i < fans.size(); i++) {
                long reader = accounts.authenticate(Optional.of("Bearer " + fanTokens.get(i)));
                shownInHome(views, likes, visibility, homes, reader, firstPage);
            }
            return (executed(members) - before) / (double) (fans.size() - 1);
        } finally {
            second.shutdown();
        }
    }

    /**
     * A home page as the API answers it: the reader's lists asked for, the feed read, the page with counts and the
     * reader's likes, without the accounts it hides.
     */
    private static byte[] shownInHome(
            Views views, Likes likes, Visibility visibility, HomeFeed homes, long reader, PageRequest request) {
        ShownEngagement.Source shown = likes.prefetchShownTo(reader);
        Supplier<LongPredicate> hidden = visibility.prefetchInHome(reader);
        long[] ids = homes.page(reader, request);
        return views.tweetPage(ids, request.limit(), ids, shown, hidden.get());
    }

    /** A page of these ids as the API answers it to its reader: tweets with their counts and the reader's likes. */
    private static byte[] shown(Views views, Likes likes, long reader, long[] ids, PageRequest request) {
        return views.tweetPage(ids, request.limit(), ids, likes.shownTo(Optional.of(reader)));
    }

    /**
     * Posts and waits until the tweet is in every follower's feed, so that the fan-out's operations are counted with
     * the post's; answers the tweet's id and how many feed reads the wait made (each one operation on the feed's
     * owner), which the caller subtracts.
     */
    private static long[] postAndAwaitFanOut(
            Tweets tweets, IMap<Long, Timeline> feeds, long author, List<Long> fans, String text) {
        long id = tweets.post(author, text, new long[0]).tweet().id();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long reads = 0;
        for (long fan : fans) {
            while (true) {
                reads++;
                if (feeds.get(fan).contains(id)) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the fan-out did not deliver tweet " + id + " within 30 s");
                }
                Thread.onSpinWait();
            }
        }
        return new long[] {id, reads};
    }

    /** Operations the members' operation threads completed so far (Hazelcast's own counter, an internal API). */
    private static long executed(List<HazelcastInstance> members) {
        long total = 0;
        for (HazelcastInstance member : members) {
            total += ((HazelcastInstanceProxy) member)
                    .getOriginal()
                    .node
                    .getNodeEngine()
                    .getOperationService()
                    .getExecutedOperationCount();
        }
        return total;
    }

    private static String addresses(List<HazelcastInstance> members) {
        List<String> addresses = new ArrayList<>();
        for (HazelcastInstance member : members) {
            var address = member.getCluster().getLocalMember().getAddress();
            addresses.add(address.getHost() + ":" + address.getPort());
        }
        return String.join(",", addresses);
    }

    private static Config memberConfig(String cluster) throws IOException {
        Config config = InJvmMembers.config(cluster, 15_901);
        for (MapConfig map : config.getMapConfigs().values()) {
            map.getMapStoreConfig().setEnabled(false);
        }
        return config;
    }
}
