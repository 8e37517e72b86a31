package flock.gridnode;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A question Jet never answers costs the caller its patience, not its thread; the next question is answered. */
class JobLookupTest {
    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(1);
    private final CountDownLatch never = new CountDownLatch(1);

    @AfterEach
    void stop() {
        never.countDown();
        factory.shutdownAll();
    }

    @Test
    void should_give_up_a_question_that_hangs_and_answer_the_next() {
        Config config = MemberConfig.load(MemberSettings.from(key -> null));
        MemberConfig.disableMapStores(config);
        HazelcastInstance member = factory.newHazelcastInstance(config);
        JobLookup jobs = new JobLookup(member);

        Boolean hung = jobs.ask(jet -> {
            never.await(); // as getJob waited on a master that never answered
            return true;
        });
        Integer jobCount = jobs.ask(jet -> jet.getJobs().size());

        assertThat(hung).as("given up after its patience").isNull();
        assertThat(jobCount)
                .as("answered, while the first question still hangs")
                .isNotNull();
        jobs.shutdown();
    }
}
