package flock.apinode.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.test.TestHazelcastFactory;
import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import flock.domain.FlakeIds;
import flock.domain.MapNames;
import flock.domain.engagement.BucketSize;
import flock.domain.engagement.Counted;
import flock.domain.engagement.ReportBucket;
import flock.domain.engagement.TweetStats;
import flock.domain.serialization.DomainSerializers;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What another node changes in a tweet's counts reaches this node's knowledge of fresh tweets and the counts its pages
 * showed, from the grid.
 */
class FreshCountsListenerTest {
    private final TestHazelcastFactory factory = new TestHazelcastFactory();

    @AfterEach
    void stop() {
        factory.terminateAll();
    }

    @Test
    void should_ask_for_a_fresh_tweet_once_another_node_counted_a_like_of_it() {
        Config member = new Config().setClusterName("fresh-counts");
        DomainSerializers.registerAll(member.getSerializationConfig().getCompactSerializationConfig());
        factory.newHazelcastInstance(member);
        HazelcastInstance thisNode = factory.newHazelcastClient(client());
        HazelcastInstance otherNode = factory.newHazelcastClient(client());
        IMap<Long, TweetStats> stats = thisNode.getMap(MapNames.TWEET_STATS);
        ShownCounts shown = new ShownCounts();
        FreshCounts fresh = FreshCounts.listen(thisNode, stats, shown, 0);
        long now = System.currentTimeMillis();
        long liked = (now + 5 - FlakeIds.EPOCH_MILLIS) << 22;
        long quiet = liked + 1;
        assertThat(ShownCounts.slotOf(liked) / ShownCounts.SLOTS_PER_CHANGE_RECORD)
                .isNotEqualTo(ShownCounts.slotOf(quiet) / ShownCounts.SLOTS_PER_CHANGE_RECORD);
        shown.keep(liked, shown.version(), now, null);
        shown.keep(quiet, shown.version(), now, null);

        otherNode
                .<Long, TweetStats>getMap(MapNames.TWEET_STATS)
                .executeOnKey(liked, ReportBucket.of(Counted.LIKES, 3, new BucketSize(1, 1)));

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(fresh.knownEmpty(liked, System.currentTimeMillis()))
                        .isFalse());
        assertThat(fresh.knownEmpty(quiet, System.currentTimeMillis())).isTrue();
        assertThat(shown.get(liked, now))
                .as("the counts a page showed are read again")
                .isNull();
        assertThat(shown.get(quiet, now)).isNotNull();
    }

    private static ClientConfig client() {
        ClientConfig config = new ClientConfig().setClusterName("fresh-counts");
        DomainSerializers.registerAll(config.getSerializationConfig().getCompactSerializationConfig());
        return config;
    }
}
