package flock.apinode.streaming;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One client's stream on this node: a bounded queue of events its writer thread sends, the newest id queued (the
 * cursor, where the client resumes: each event goes out with it as its id), and the ids of the latest events queued,
 * so that an event heard twice (the replay of a reconnect meeting the live changes, a catch-up read) goes out once.
 */
public final class Connection {
    /** Event ids remembered against doubles: more than a replay and the changes heard meanwhile hold. */
    private static final int REMEMBERED = 2_048;

    final long userId;
    private final BlockingQueue<StreamEvent> queue;
    private final SequencedSet<Queued> queued = new LinkedHashSet<>();

    /** An event queued: a mention is a tweet in the feed and a notification, two events of one id. */
    private record Queued(String name, long id) {}

    private long cursor;
    private volatile boolean dropped;

    /**
     * Live events heard while a resumed stream's replay is read, queued once it is ({@link #replay}): queued at once, a
     * tweet posted the moment the client reconnected went out before the older ones it had missed and moved the cursor
     * past them, and the replay, which reads above the cursor, then left them out. Null for a stream that starts from
     * now, and once the replay is queued.
     */
    private List<Runnable> held;

    /** @param resuming whether the client resumes from {@code cursor}: live events wait for {@link #replay} */
    Connection(long userId, long cursor, int capacity, boolean resuming) {
        this.userId = userId;
        this.cursor = cursor;
        this.queue = new LinkedBlockingQueue<>(capacity); // bounded, and empty costs nothing: most streams idle
        this.held = resuming ? new ArrayList<>() : null;
    }

    /** The newest id queued so far (or the one the client resumed from). */
    synchronized long cursor() {
        return cursor;
    }

    /** Moves the cursor up to an id the client has, without an event (a stream that starts from now). */
    synchronized void startAfter(long id) {
        cursor = Math.max(cursor, id);
    }

    /**
     * Queues an update or a notification unless it went out before (after the replay, for a stream resuming); a client
     * too far behind is dropped.
     */
    synchronized void offer(StreamEvent event) {
        if (held != null) {
            held.add(() -> queue(event));
            return;
        }
        queue(event);
    }

    /** What the resumed client missed, oldest first, then the live events heard while it was read. */
    synchronized void replay(List<StreamEvent> missed) {
        missed.forEach(this::queue);
        List<Runnable> heard = held;
        held = null;
        if (heard != null) {
            heard.forEach(Runnable::run);
        }
    }

    private void queue(StreamEvent event) {
        if (dropped || !queued.add(new Queued(event.name(), event.id()))) {
            return;
        }
        if (queued.size() > REMEMBERED) {
            queued.removeFirst();
        }
        cursor = Math.max(cursor, event.id());
        // The stream's id is its cursor, never going back: an event that arrives late (an older tweet merged in by a
        // follow) must not make the client resume below what it already has.
        put(new StreamEvent(event.name(), cursor, event.data()));
    }

    /** Queues a delete of a tweet; its id is the stream's cursor, which it leaves where it is. */
    synchronized void offerDelete(long tweetId) {
        if (held != null) {
            held.add(() -> queueDelete(tweetId));
            return;
        }
        queueDelete(tweetId);
    }

    private void queueDelete(long tweetId) {
        if (!dropped) {
            put(StreamEvent.delete(tweetId, cursor));
        }
    }

    private void put(StreamEvent event) {
        if (!queue.offer(event)) {
            dropped = true; // the writer sees it and ends the stream: the client resumes from what it got
        }
    }

    /** The next event, or null after {@code waitMillis} without one (time for a heartbeat). */
    public StreamEvent next(long waitMillis) throws InterruptedException {
        return queue.poll(waitMillis, TimeUnit.MILLISECONDS);
    }

    public boolean dropped() {
        return dropped;
    }

    void drop() {
        dropped = true;
    }
}
