package flock.gridnode;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.core.JobStatus;
import flock.domain.MapNames;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resumes Flock's Jet jobs when an error suspended them. The jobs suspend instead of failing (see
 * FanOutPipeline.jobConfig): a Cassandra timeout while a follower list loads must delay the fan-out, not end
 * it. Resuming replays from the last snapshot; the feed updates are idempotent, so nothing is lost or doubled.
 * Every member runs the watchdog; a resume that another member already did is harmless.
 */
final class JobWatchdog {
    private static final Logger LOG = LoggerFactory.getLogger(JobWatchdog.class);
    private static final List<String> JOBS = MapNames.JOBS;

    private final JobLookup jobs;

    JobWatchdog(HazelcastInstance member) {
        this.jobs = new JobLookup(member);
    }

    ScheduledExecutorService schedule(Duration every) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("flock-job-watchdog").factory());
        timer.scheduleWithFixedDelay(this::checkQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return timer;
    }

    /** Resumes every suspended job; answers how many it resumed (a job Jet did not answer about is tried next time). */
    int check() {
        int resumed = 0;
        for (String name : JOBS) {
            if (Boolean.TRUE.equals(jobs.ask(jet -> resumeIfSuspended(jet.getJob(name), name)))) {
                resumed++;
            }
        }
        return resumed;
    }

    private static boolean resumeIfSuspended(Job job, String name) {
        if (job == null || job.getStatus() != JobStatus.SUSPENDED) {
            return false;
        }
        String cause = job.getSuspensionCause().description();
        LOG.warn("Jet job '{}' was suspended ({}); resuming it from its last snapshot", name, cause);
        job.resume();
        return true;
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.warn("Jet job watchdog: {}", e.toString()); // a resume raced by another member, or a member leaving
        }
    }
}
