package flock.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {
    /** The first port of Linux's default ephemeral range, from which outgoing connections take theirs. */
    private static final int EPHEMERAL_START = 32_768;

    @Test
    void should_hand_out_each_port_once_and_below_the_ephemeral_range() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int port = FreePorts.next();
            assertThat(port).isBetween(FreePorts.LOWEST, EPHEMERAL_START - 1);
            assertThat(seen.add(port)).as("port %d handed out twice", port).isTrue();
        }
    }

    @Test
    void should_hand_out_pairs_whose_successor_is_free_too() {
        int port = FreePorts.nextPair();
        assertThat(FreePorts.isFree(port)).isTrue();
        assertThat(FreePorts.isFree(port + 1)).isTrue();
    }

    @Test
    void should_skip_a_port_a_server_listens_on() throws IOException {
        int expected = FreePorts.next();
        try (ServerSocket squatter = new ServerSocket(expected + 1, 1, InetAddress.getLoopbackAddress())) {
            for (int i = 0; i < 50; i++) {
                assertThat(FreePorts.next()).isNotEqualTo(squatter.getLocalPort());
            }
        }
    }
}
