package flock.apinode.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.test.TestHazelcastFactory;
import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import flock.domain.serialization.DomainSerializers;
import flock.domain.timeline.FeedChangePublisher;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What keeps a node's feed heads right besides the writers' messages: membership changes clear them. */
class FeedHeadListenersTest {
    private final TestHazelcastFactory factory = new TestHazelcastFactory();

    @AfterEach
    void stop() {
        factory.terminateAll();
    }

    @Test
    void should_drop_the_heads_a_writer_names_and_clear_all_when_a_member_joins() {
        HazelcastInstance member = factory.newHazelcastInstance(memberConfig());
        ClientConfig clientConfig = new ClientConfig();
        DomainSerializers.registerAll(clientConfig.getSerializationConfig().getCompactSerializationConfig());
        HazelcastInstance client = factory.newHazelcastClient(clientConfig);
        FeedHeads heads = FeedHeadListeners.register(client, new FeedHeads(Duration.ofSeconds(30), 100));
        heads.fill(1, heads.generation(1), head());
        heads.fill(2, heads.generation(2), head());

        new FeedChangePublisher(member).changed(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> heads.get(1, 0) == null);
        assertThat(heads.get(2, 0)).as("a feed no writer named").isNotNull();
        factory.newHazelcastInstance(memberConfig()); // partitions move: feeds may be lost or moved
        await().atMost(Duration.ofSeconds(30)).until(() -> heads.size() == 0);
        assertThat(heads.clears()).isPositive();
    }

    private static Config memberConfig() {
        Config config = new Config();
        DomainSerializers.registerAll(config.getSerializationConfig().getCompactSerializationConfig());
        return config;
    }

    private static FeedHeads.Head head() {
        return new FeedHeads.Head(new long[] {30, 20}, true, false, new long[0], 0);
    }
}
