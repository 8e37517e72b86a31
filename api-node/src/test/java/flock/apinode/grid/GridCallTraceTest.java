package flock.apinode.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.client.test.TestHazelcastFactory;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
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
        factory.newHazelcastInstance();
        HazelcastInstance grid = GridCallTrace.traced(factory.newHazelcastClient());
        IMap<Long, String> tweets = grid.getMap("tweets");

        GridCallTrace.begin();
        tweets.set(1L, "first");
        String read = tweets.get(1L);
        String later = tweets.getAsync(2L).toCompletableFuture().join();
        GridCallTrace.Calls calls = GridCallTrace.end();

        assertThat(read).isEqualTo("first");
        assertThat(later).isNull();
        assertThat(calls.count()).isEqualTo(3);
        assertThat(calls.toString())
                .matches(
                        "tweets\\.set \\d+\\.\\d\\d\\+\\d+\\.\\d\\d, tweets\\.get [0-9.+]+, tweets\\.getAsync [0-9.+]+");
    }

    @Test
    void should_note_nothing_outside_a_request() {
        factory.newHazelcastInstance();
        IMap<Long, String> tweets =
                GridCallTrace.traced(factory.newHazelcastClient()).getMap("tweets");

        tweets.set(1L, "outside");

        assertThat(GridCallTrace.end().count()).isZero();
    }

    @Test
    void should_throw_the_grids_own_exception() {
        factory.newHazelcastInstance();
        IMap<Long, String> tweets =
                GridCallTrace.traced(factory.newHazelcastClient()).getMap("tweets");

        GridCallTrace.begin();
        assertThatThrownBy(() -> tweets.set(null, "no key")).isInstanceOf(NullPointerException.class);
        GridCallTrace.end();
    }
}
