package flock.apinode.streaming;

import java.nio.charset.StandardCharsets;

/**
 * One server-sent event: {@code update} (a tweet entering the home feed, as its pages show it), {@code delete} (a
 * tweet's id) or {@code notification} (a group, as the notifications page shows it).
 *
 * @param id the stream's cursor when the event was queued: the newest tweet or notification group id sent so far
 *     (ids are time-ordered), so the last one a client saw is where it resumes
 */
public record StreamEvent(String name, long id, byte[] data) {
    static final String UPDATE = "update";
    static final String DELETE = "delete";
    static final String NOTIFICATION = "notification";

    /** The event as the stream writes it; the data is one line (JSON has no raw line breaks). */
    public byte[] bytes() {
        byte[] head = ("event: " + name + "\nid: " + id + "\ndata: ").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + data.length + 2];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(data, 0, out, head.length, data.length);
        out[out.length - 2] = '\n';
        out[out.length - 1] = '\n';
        return out;
    }

    static StreamEvent delete(long tweetId, long cursor) {
        return new StreamEvent(DELETE, cursor, ("\"" + tweetId + "\"").getBytes(StandardCharsets.US_ASCII));
    }
}
