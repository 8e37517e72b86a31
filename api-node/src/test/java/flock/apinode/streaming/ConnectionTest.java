package flock.apinode.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionTest {
    private static final long RESUMED_FROM = 100;

    @Test
    void aResumingStreamSendsWhatTheClientMissedBeforeWhatWasHeardMeanwhileAndEachOnce() throws Exception {
        Connection stream = new Connection(1, RESUMED_FROM, 16, true);

        // Posted the moment the client reconnected: heard live before the replay of what it missed was read.
        stream.offer(update(300));
        stream.offerDelete(150);
        assertThat(stream.next(0)).as("nothing before the replay").isNull();
        stream.replay(List.of(update(200), update(300)));

        assertThat(ids(stream)).containsExactly("update 200 @200", "update 300 @300", "delete 150 @300");
    }

    @Test
    void aStreamFromNowSendsAtOnce() throws Exception {
        Connection stream = new Connection(1, 0, 16, false);

        stream.offer(update(200));

        assertThat(ids(stream)).containsExactly("update 200 @200");
    }

    @Test
    void afterTheReplayLiveEventsGoOutAtOnce() throws Exception {
        Connection stream = new Connection(1, RESUMED_FROM, 16, true);
        stream.replay(List.of());

        stream.offer(update(400));

        assertThat(ids(stream)).containsExactly("update 400 @400");
    }

    private static StreamEvent update(long tweetId) {
        return new StreamEvent(
                StreamEvent.UPDATE, tweetId, ("{\"id\":\"" + tweetId + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** Each queued event as "name subject @stream id". */
    private static List<String> ids(Connection stream) throws InterruptedException {
        List<String> out = new ArrayList<>();
        for (StreamEvent event = stream.next(0); event != null; event = stream.next(0)) {
            String data = new String(event.data(), StandardCharsets.UTF_8).replaceAll("[^0-9]", "");
            out.add(event.name() + " " + data + " @" + event.id());
        }
        return out;
    }
}
