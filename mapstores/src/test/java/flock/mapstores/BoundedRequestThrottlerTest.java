package flock.mapstores;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.RequestThrottlingException;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.session.ProgrammaticArguments;
import com.datastax.oss.driver.api.core.session.throttling.RequestThrottler;
import com.datastax.oss.driver.api.core.session.throttling.Throttled;
import com.datastax.oss.driver.internal.core.context.DefaultDriverContext;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedRequestThrottlerTest {

    /** A request as the driver's handler is to the throttler: told to start or refused, once. */
    private static final class Request implements Throttled {
        final CountDownLatch started = new CountDownLatch(1);
        volatile RequestThrottlingException refused;
        volatile boolean delayed;

        @Override
        public void onThrottleReady(boolean wasDelayed) {
            delayed = wasDelayed;
            started.countDown();
        }

        @Override
        public void onThrottleFailure(RequestThrottlingException error) {
            refused = error;
        }

        boolean hasStarted() {
            return started.getCount() == 0;
        }
    }

    @Test
    void should_start_every_request_of_a_storm_and_end_with_nothing_in_flight() throws Exception {
        BoundedRequestThrottler throttler = new BoundedRequestThrottler(4, 1_000_000);

        int started = storm(throttler, 4, 25_000);

        assertThat(started).isEqualTo(4 * 25_000);
        assertThat(throttler.inFlight()).isZero();
        assertThat(throttler.queued()).isZero();
    }

    /**
     * Threads register requests while others finish them the moment they start, every slot taken most of the time:
     * where a request can be queued just after the last request in flight finished, it is never started. Answers how
     * many of them started within ten seconds.
     */
    private static int storm(RequestThrottler throttler, int senders, int perSender) throws Exception {
        ExecutorService finishers = Executors.newFixedThreadPool(2);
        ExecutorService senderPool = Executors.newFixedThreadPool(senders);
        AtomicInteger started = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(senders * perSender);
        try {
            for (int s = 0; s < senders; s++) {
                senderPool.execute(() -> {
                    for (int i = 0; i < perSender; i++) {
                        throttler.register(new Throttled() {
                            @Override
                            public void onThrottleReady(boolean wasDelayed) {
                                started.incrementAndGet();
                                Throttled self = this;
                                finishers.execute(() -> {
                                    throttler.signalSuccess(self);
                                    all.countDown();
                                });
                            }

                            @Override
                            public void onThrottleFailure(RequestThrottlingException error) {
                                all.countDown();
                            }
                        });
                    }
                });
            }
            all.await(10, TimeUnit.SECONDS);
            return started.get();
        } finally {
            senderPool.shutdownNow();
            finishers.shutdownNow();
        }
    }

    @Test
    void should_queue_past_the_concurrent_limit_and_start_the_oldest_when_one_finishes() {
        BoundedRequestThrottler throttler = new BoundedRequestThrottler(2, 10);
        Request first = new Request();
        Request second = new Request();
        Request third = new Request();
        Request fourth = new Request();

        List.of(first, second, third, fourth).forEach(throttler::register);
        assertThat(List.of(first.hasStarted(), second.hasStarted(), third.hasStarted(), fourth.hasStarted()))
                .containsExactly(true, true, false, false);

        throttler.signalSuccess(first);
        assertThat(third.hasStarted()).isTrue();
        assertThat(third.delayed).isTrue();
        assertThat(fourth.hasStarted()).isFalse();
        assertThat(throttler.inFlight()).isEqualTo(2);
        assertThat(throttler.queued()).isEqualTo(1);
    }

    @Test
    void should_refuse_a_request_when_the_queue_is_full() {
        BoundedRequestThrottler throttler = new BoundedRequestThrottler(1, 1);
        Request running = new Request();
        Request waiting = new Request();
        Request refused = new Request();

        List.of(running, waiting, refused).forEach(throttler::register);

        assertThat(refused.refused).hasMessageContaining("maximum capacity");
        assertThat(refused.hasStarted()).isFalse();
        assertThat(waiting.refused).isNull();
        assertThat(throttler.queued()).isEqualTo(1);
    }

    @Test
    void should_take_a_waiting_request_that_timed_out_out_of_the_queue_without_freeing_a_slot() {
        BoundedRequestThrottler throttler = new BoundedRequestThrottler(1, 10);
        Request running = new Request();
        Request timedOut = new Request();
        Request next = new Request();
        List.of(running, timedOut, next).forEach(throttler::register);

        throttler.signalTimeout(timedOut);
        assertThat(throttler.inFlight()).isEqualTo(1);
        assertThat(throttler.queued()).isEqualTo(1);

        throttler.signalTimeout(running); // a started request that timed out gives its slot on
        assertThat(next.hasStarted()).isTrue();
        assertThat(timedOut.hasStarted()).isFalse();
        assertThat(throttler.inFlight()).isEqualTo(1);
    }

    @Test
    void should_free_the_slot_of_a_cancelled_request_and_of_one_that_failed() {
        BoundedRequestThrottler throttler = new BoundedRequestThrottler(2, 10);
        Request cancelled = new Request();
        Request failed = new Request();
        List.of(cancelled, failed).forEach(throttler::register);

        throttler.signalCancel(cancelled);
        throttler.signalError(failed, new IllegalStateException("write timeout"));

        assertThat(throttler.inFlight()).isZero();
        Request later = new Request();
        throttler.register(later);
        assertThat(later.hasStarted()).isTrue();
        assertThat(later.delayed).isFalse();
    }

    @Test
    void should_read_its_limits_from_the_sessions_configuration() {
        DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
                .withClass(DefaultDriverOption.REQUEST_THROTTLER_CLASS, BoundedRequestThrottler.class)
                .withInt(DefaultDriverOption.REQUEST_THROTTLER_MAX_CONCURRENT_REQUESTS, 3)
                .withInt(DefaultDriverOption.REQUEST_THROTTLER_MAX_QUEUE_SIZE, 0)
                .build();
        BoundedRequestThrottler throttler = new BoundedRequestThrottler(
                new DefaultDriverContext(config, ProgrammaticArguments.builder().build()));
        List<Request> requests = List.of(new Request(), new Request(), new Request(), new Request());

        requests.forEach(throttler::register);

        assertThat(requests.stream().filter(Request::hasStarted)).hasSize(3);
        assertThat(requests.getLast().refused).isNotNull();
    }

    @Test
    void should_refuse_waiting_and_new_requests_once_closed() {
        BoundedRequestThrottler throttler = new BoundedRequestThrottler(1, 10);
        Request running = new Request();
        Request waiting = new Request();
        List.of(running, waiting).forEach(throttler::register);

        throttler.close();
        Request after = new Request();
        throttler.register(after);

        assertThat(waiting.refused).hasMessageContaining("shutting down");
        assertThat(after.refused).hasMessageContaining("shutting down");
        assertThat(waiting.hasStarted()).isFalse();
        assertThat(after.hasStarted()).isFalse();
    }
}
