package flock.benchmarks.micro;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.SerializationService;
import flock.apinode.render.TweetPages;
import flock.domain.account.User;
import flock.domain.graph.FollowList;
import flock.domain.serialization.DomainSerializers;
import flock.domain.timeline.Timeline;
import flock.domain.tweet.Tweet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The serializers on the read path: a tweet and a full feed in Compact form (what a member sends an API
 * node), a follower list (what the fan-out reads per tweet), and the JSON page an API node renders.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SerializerBench {
    private HazelcastInstance member;
    private SerializationService serialization;
    private Tweet tweet;
    private Data tweetData;
    private Timeline feed;
    private Data feedData;
    private FollowList followers;
    private long[] pageIds;
    private Map<Long, Tweet> pageTweets;
    private Map<Long, User> pageAuthors;
    private byte[][] pageKept;

    @Setup
    public void start() {
        Config config = new Config();
        config.setClusterName("serializer-bench-" + ProcessHandle.current().pid());
        config.setProperty("hazelcast.logging.type", "none");
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getJetConfig().setEnabled(false);
        DomainSerializers.registerAll(config.getSerializationConfig().getCompactSerializationConfig());
        member = Hazelcast.newHazelcastInstance(config);
        serialization = ((HazelcastInstanceProxy) member).getSerializationService();
        tweet = new Tweet(
                1_234_567_890L,
                42L,
                "a short message of about a hundred characters, as most are 🐦 #flock",
                1_700_000_000_000L,
                new long[0]);
        tweetData = serialization.toData(tweet);
        feed = Timeline.empty();
        for (long id = 2 * Timeline.MAX_ENTRIES; id > Timeline.MAX_ENTRIES; id--) {
            feed.insert(id);
        }
        feedData = serialization.toData(feed);
        followers = FollowList.EMPTY;
        for (long fan = 1; fan <= 20; fan++) {
            followers = followers.with(fan * 7, fan);
        }
        pageIds = new long[10];
        pageTweets = new HashMap<>();
        pageAuthors = new HashMap<>();
        for (int i = 0; i < pageIds.length; i++) {
            pageIds[i] = 1_000L + i;
            pageTweets.put(pageIds[i], new Tweet(pageIds[i], 10L + i, tweet.text(), tweet.createdAt(), new long[0]));
            pageAuthors.put(10L + i, new User(10L + i, "user" + i, "User " + i, 1_600_000_000_000L));
        }
        pageKept = new byte[pageIds.length][];
        for (int i = 0; i < pageIds.length; i++) {
            Tweet shown = pageTweets.get(pageIds[i]);
            pageKept[i] = TweetPages.renderOne(shown, pageAuthors.get(shown.authorId()), Map.of());
        }
    }

    @TearDown
    public void stop() {
        member.shutdown();
    }

    @Benchmark
    public Data writeTweet() {
        return serialization.toData(tweet);
    }

    @Benchmark
    public Tweet readTweet() {
        return serialization.toObject(tweetData);
    }

    @Benchmark
    public Data writeFullFeed() {
        return serialization.toData(feed);
    }

    @Benchmark
    public Timeline readFullFeed() {
        return serialization.toObject(feedData);
    }

    @Benchmark
    public Object roundTripFollowerList() {
        return serialization.toObject(serialization.toData(followers));
    }

    /** The body of a home page of 10: what every read ends with. */
    @Benchmark
    public byte[] renderPageOfTen() {
        return TweetPages.render(pageIds, pageIds.length, pageTweets, pageAuthors);
    }

    /** The same page put together from each tweet's kept JSON, as an API node answers it once it has shown them. */
    @Benchmark
    public byte[] assemblePageOfTenFromKeptJson() {
        return TweetPages.assemble(pageIds, pageIds.length, pageKept);
    }
}
