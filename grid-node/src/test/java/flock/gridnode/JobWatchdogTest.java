package flock.gridnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.core.JobStatus;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.Sinks;
import com.hazelcast.jet.pipeline.test.TestSources;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import flock.domain.MapNames;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A job that an error suspended is resumed by the watchdog; a running one is left alone. */
class JobWatchdogTest {
    /** How long an asynchronous outcome may take on a busy 2-core machine before the test fails. */
    private static final Duration EVENTUALLY = Duration.ofMinutes(2);

    /** Shared with the job's lambda (in-JVM members share this class). */
    private static final AtomicBoolean CASSANDRA_DOWN = new AtomicBoolean(true);

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(1);

    @AfterEach
    void stop() {
        factory.shutdownAll();
    }

    @Test
    void should_resume_a_job_suspended_by_an_error() {
        Config config = MemberConfig.load(MemberSettings.from(key -> null));
        MemberConfig.disableMapStores(config);
        HazelcastInstance member = factory.newHazelcastInstance(config);
        Pipeline pipeline = Pipeline.create();
        pipeline.readFrom(TestSources.itemStream(10))
                .withoutTimestamps()
                .map(event -> {
                    if (CASSANDRA_DOWN.get()) {
                        throw new IllegalStateException("Query timed out after PT5S");
                    }
                    return event;
                })
                .writeTo(Sinks.noop());
        Job job = member.getJet()
                .newJob(pipeline, new JobConfig().setName(MapNames.FAN_OUT_JOB).setSuspendOnFailure(true));
        JobWatchdog watchdog = new JobWatchdog(member);
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(job.getStatus()).isEqualTo(JobStatus.SUSPENDED));

        CASSANDRA_DOWN.set(false);

        assertThat(watchdog.check()).isEqualTo(1);
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(job.getStatus()).isEqualTo(JobStatus.RUNNING));
        assertThat(watchdog.check()).as("nothing to resume while it runs").isZero();
    }
}
