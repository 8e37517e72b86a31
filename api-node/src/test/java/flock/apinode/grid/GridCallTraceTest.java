package flock.apinode.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.client.test.TestHazelcastFactory;
import com.hazelcast.map.IMap;
import io.helidon.common.context.Context;
import io.helidon.common.context.Contexts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the slow-request log shows of a request: each grid call it made, in order, timed from the request's start. */
class GridCallTraceTest {
    private final TestHazelcastFactory factory = new TestHazelcastFactory();

    @AfterEach
    void stop() {
        factory.terminateAll();
    }

    @Test
    void should_note_every_map_call_of_the_request_and_answer_as_the_grid_does() {
        IMap<Long, String> tweets = tracedMap();
        GridCallTrace.Calls calls = new GridCallTrace.Calls();
        String[] answers = new String[2];

        Contexts.runInContext(requestNoting(calls), () -> {
            tweets.set(1L, "first");
            answers[0] = tweets.get(1L);
            answers[1] = tweets.getAsync(2L).toCompletableFuture().join();
        });

        assertThat(answers[0]).isEqualTo("first");
        assertThat(answers[1]).isNull();
        assertThat(calls.count()).isEqualTo(3);
        assertThat(calls.toString())
                .matches(
                        "tweets\\.set \\d+\\.\\d\\d\\+\\d+\\.\\d\\d, tweets\\.get [0-9.+]+, tweets\\.getAsync [0-9.+]+");
    }

    @Test
    void should_note_nothing_outside_the_requests_context() {
        IMap<Long, String> tweets = tracedMap();
        GridCallTrace.Calls calls = new GridCallTrace.Calls();
        requestNoting(calls);

        tweets.set(1L, "outside any context");
        Contexts.runInContext(Context.create(), () -> tweets.set(2L, "in another request's context"));

        assertThat(calls.count()).isZero();
    }

    @Test
    void should_throw_the_grids_own_exception() {
        IMap<Long, String> tweets = tracedMap();

        Contexts.runInContext(
                requestNoting(new GridCallTrace.Calls()),
                () -> assertThatThrownBy(() -> tweets.set(null, "no key")).isInstanceOf(NullPointerException.class));
    }

    private IMap<Long, String> tracedMap() {
        factory.newHazelcastInstance();
        return GridCallTrace.traced(factory.newHazelcastClient()).getMap("tweets");
    }

    private static Context requestNoting(GridCallTrace.Calls calls) {
        Context request = Context.create();
        request.register(calls);
        return request;
    }
}
