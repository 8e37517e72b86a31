package flock.apinode.paging;

/**
 * The paging parameters every list takes: {@code limit} (1..100, default 20), {@code maxId} (items
 * strictly older) and {@code sinceId} (items strictly newer). Ids are time-ordered, so a cursor is an id.
 */
public record PageRequest(int limit, long maxId, long sinceId) {
    /** A page's size when the client names none: Twitter's and Mastodon's default. */
    public static final int DEFAULT_LIMIT = 20;

    /** The largest page a client may ask for; it bounds the work of one request. */
    public static final int MAX_LIMIT = 100;
}
