package flock.gridnode;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.JetService;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks Jet about Flock's jobs without waiting forever. {@code JetService.getJob} asks the master and waits with no
 * bound; once (a member's first lookup, right after it started under load) the answer never came, and the metrics
 * endpoint and the watchdog, which called it on their own threads, hung with it for good: every scrape after that
 * waited too. Here a question runs on one of two threads of its own and is given up after a few seconds; the caller
 * sees no answer and asks again next time, and a stuck question holds one of the two threads, not the caller.
 */
final class JobLookup {
    static final Duration PATIENCE = Duration.ofSeconds(5);

    private final HazelcastInstance member;
    private final ExecutorService questions = Executors.newFixedThreadPool(
            2, Thread.ofPlatform().daemon().name("flock-job-lookup-", 0).factory());

    JobLookup(HazelcastInstance member) {
        this.member = member;
    }

    /** The answer, or null when Jet did not give it within {@link #PATIENCE} or failed to. */
    <T> T ask(Question<T> question) {
        if (!member.getLifecycleService().isRunning()) {
            return null;
        }
        Future<T> answer = questions.submit(() -> question.ask(member.getJet()));
        try {
            return answer.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            answer.cancel(true);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** What to ask Jet; it may wait (a latch in a test, the master in production). */
    @FunctionalInterface
    interface Question<T> {
        T ask(JetService jet) throws Exception;
    }

    void shutdown() {
        questions.shutdownNow();
    }
}
