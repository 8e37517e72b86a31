package flock.domain.timeline;

import flock.domain.LongArrays;
import java.util.Arrays;

/**
 * A bounded list of tweet ids, newest (largest id) first: a home feed or an author's recent tweets.
 *
 * <p>Breaks the records-everywhere rule on purpose: the grid keeps timelines in OBJECT format and entry
 * processors shift the primitive array in place, which measured about twice as fast as copying a
 * record per insert and keeps each cached entry at 8 bytes plus the array's slack.
 *
 * <p>Not thread-safe: every mutation runs inside an entry processor on the key's partition thread.
 */
public final class Timeline {
    /**
     * The most entries kept in memory: Twitter's 800 (Mastodon keeps 400, its feed_manager.rb MAX_ITEMS); every insert
     * trims to it.
     */
    public static final int MAX_ENTRIES = 800;

    private static final int MIN_CAPACITY = 8;
    private static final long[] NO_AUTHORS = new long[0];

    private long[] ids;
    private int size;

    /** Home feeds only: followed accounts whose tweets are merged in at read (pull mode), ascending. */
    private long[] pulledAuthors = NO_AUTHORS;

    /**
     * Home feeds only: when the owner last read the feed (epoch millis); idle feeds are evicted. Negative while the
     * feed is being rebuilt: minus the time the rebuild began ({@link #rebuilding}).
     */
    private long lastReadMillis;

    /**
     * True once older entries exist than this timeline keeps (it was trimmed, or loaded or rebuilt from more
     * than it holds): a page that runs off its end must continue from Cassandra, not stop.
     */
    private boolean truncated;

    /**
     * Author timelines only: the tweets the author posted and has not deleted, those older than memory keeps
     * included. The profile shows it; kept here because every post and delete already changes this entry, so
     * counting costs no operation of its own (in the profile it cost a replicated write, a Cassandra row and an
     * invalidation of the author in every near cache, per post).
     */
    private long tweetCount;

    /**
     * Author timelines only: the kept replies to someone else, ascending, and parallel to them the account each
     * answers ({@link flock.domain.tweet.Tweet#audienceAlsoFollowing}). A home feed built from this timeline (a rebuild,
     * a merge at read, a follow's backfill) keeps such a reply only for a reader who also follows that account, as the
     * fan-out does. Empty for most authors.
     */
    private long[] narrowedIds = NO_AUTHORS;

    private long[] narrowedTo = NO_AUTHORS;

    /**
     * The reposts among the kept ids, ascending, and parallel to them the tweet each reposts, for Mastodon's rule: a
     * repost does not enter a feed whose newest {@value #REPOST_FALLOFF} entries hold its original, nor one that already
     * holds a repost of it. Home feeds keep them for the fan-out's inserts; author timelines for feeds rebuilt from them.
     */
    private long[] repostIds = NO_AUTHORS;

    private long[] repostOf = NO_AUTHORS;

    /** How far down a feed an original keeps a repost of it out (Mastodon's FeedManager::REBLOG_FALLOFF). */
    public static final int REPOST_FALLOFF = 40;

    private Timeline(long[] ids, int size) {
        this.ids = ids;
        this.size = size;
    }

    public static Timeline empty() {
        return new Timeline(new long[MIN_CAPACITY], 0);
    }

    /**
     * An empty home feed that stands in for one being rebuilt, from {@code sinceMillis}: the fan-out finds it present
     * and applies what it brings while the rebuild reads the authors' timelines, and the rebuild's install merges into
     * it. Not a feed to read until then ({@link #beingRebuilt}).
     */
    public static Timeline rebuilding(long sinceMillis) {
        if (sinceMillis <= 0) {
            throw new IllegalArgumentException("a rebuild begins at a positive time, not " + sinceMillis);
        }
        Timeline feed = empty();
        feed.lastReadMillis = -sinceMillis;
        return feed;
    }

    /** Whether this home feed stands in for one being rebuilt, not yet installed ({@link #rebuilding}). */
    public boolean beingRebuilt() {
        return lastReadMillis < 0;
    }

    /** When the feed was last read, or for a stand-in when its rebuild began: what idle eviction goes by. */
    public long lastActiveMillis() {
        return Math.abs(lastReadMillis);
    }

    /**
     * A timeline of the given ids, which must already be sorted newest first; keeps the newest 800 and is
     * truncated if there were more.
     */
    public static Timeline ofNewestFirst(long[] ids, int count) {
        int kept = Math.min(count, MAX_ENTRIES);
        for (int i = 1; i < kept; i++) {
            if (ids[i] >= ids[i - 1]) {
                throw new IllegalArgumentException("ids must be strictly descending at index " + i);
            }
        }
        Timeline timeline = new Timeline(Arrays.copyOf(ids, Math.max(kept, MIN_CAPACITY)), kept);
        timeline.truncated = count > MAX_ENTRIES;
        return timeline;
    }

    /**
     * A feed of these ids (newest first) with the repost rules applied as if each had been inserted in turn, oldest
     * first, as the fan-out brought them: what a rebuilt feed holds.
     *
     * @param originals what each repost among the ids reposts
     */
    public static Timeline withRepostRules(long[] newestFirst, java.util.Map<Long, Long> originals) {
        Timeline feed = empty();
        for (int i = newestFirst.length - 1; i >= 0; i--) {
            Long original = originals.isEmpty() ? null : originals.get(newestFirst[i]);
            if (original == null) {
                feed.insert(newestFirst[i]);
            } else {
                feed.insertRepost(newestFirst[i], original);
            }
        }
        return feed;
    }

    public int size() {
        return size;
    }

    /** The followed accounts in pull mode, ascending; empty for most feeds. */
    public long[] pulledAuthors() {
        return pulledAuthors.length == 0 ? NO_AUTHORS : pulledAuthors.clone(); // most feeds: no allocation
    }

    /** Marks a followed account as pulled at read (or no longer); returns whether that changed anything. */
    public boolean setPulled(long authorId, boolean pulled) {
        int found = Arrays.binarySearch(pulledAuthors, authorId);
        if (pulled == found >= 0) {
            return false;
        }
        long[] updated = new long[pulledAuthors.length + (pulled ? 1 : -1)];
        if (pulled) {
            int at = -found - 1;
            System.arraycopy(pulledAuthors, 0, updated, 0, at);
            updated[at] = authorId;
            System.arraycopy(pulledAuthors, at, updated, at + 1, pulledAuthors.length - at);
        } else {
            System.arraycopy(pulledAuthors, 0, updated, 0, found);
            System.arraycopy(pulledAuthors, found + 1, updated, found, updated.length - found);
        }
        pulledAuthors = updated.length == 0 ? NO_AUTHORS : updated;
        return true;
    }

    /** Whether older entries exist than this timeline keeps (see the field). */
    public boolean truncated() {
        return truncated;
    }

    /** Marks that older entries exist elsewhere (a rebuild from truncated sources). */
    public void markTruncated() {
        truncated = true;
    }

    /** Author timelines: tweets posted and not deleted (see the field). */
    public long tweetCount() {
        return tweetCount;
    }

    /** Sets the author's tweet count, as loaded from Cassandra; never below zero. */
    public void setTweetCount(long count) {
        tweetCount = Math.max(0, count);
    }

    public long lastReadMillis() {
        return lastReadMillis;
    }

    /** Records a read at the given time; never moves backwards. Returns whether it changed. */
    public boolean markRead(long atMillis) {
        if (atMillis <= lastReadMillis) {
            return false;
        }
        lastReadMillis = atMillis;
        return true;
    }

    public long get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return ids[index];
    }

    /** A copy of the ids, newest first. */
    public long[] toArray() {
        return Arrays.copyOf(ids, size);
    }

    public boolean contains(long id) {
        return indexOf(id) >= 0;
    }

    /**
     * Inserts an id at its place by time. Idempotent: an id already present changes nothing, so a
     * replayed fan-out event cannot duplicate an entry. Returns whether the timeline changed.
     */
    public boolean insert(long id) {
        if (size == MAX_ENTRIES && id < ids[size - 1]) {
            truncated = true;
            return false; // older than everything kept: it belongs to the part that lives in Cassandra
        }
        int found = indexOf(id);
        if (found >= 0) {
            return false;
        }
        int position = -found - 1;
        if (size == ids.length) {
            // Grow by a quarter, not double: at most 25% slack per feed (measured 14.6 -> 10.0 bytes per entry
            // for feeds of 300 in TimelineMemoryBench), for about 25 copies over a feed's life instead of 7.
            ids = Arrays.copyOf(ids, Math.min(MAX_ENTRIES, ids.length + Math.max(MIN_CAPACITY, ids.length / 4)));
        }
        truncated |= size == MAX_ENTRIES;
        int moved = Math.min(size, MAX_ENTRIES - 1) - position;
        System.arraycopy(ids, position, ids, position + 1, moved);
        ids[position] = id;
        size = Math.min(size + 1, MAX_ENTRIES);
        return true;
    }

    /** The oldest id kept, or {@link Long#MAX_VALUE} when empty. */
    public long oldest() {
        return size == 0 ? Long.MAX_VALUE : ids[size - 1];
    }

    /**
     * Author timelines: inserts a tweet of the author's, noting the account a reader must also follow to see it in a
     * home feed (0 for everyone). Idempotent, as {@link #insert(long)}.
     */
    public boolean insert(long id, long audienceAlsoFollowing) {
        boolean inserted = insert(id);
        if (inserted && audienceAlsoFollowing != 0) {
            narrow(id, audienceAlsoFollowing);
        }
        dropNarrowedBelow(size == MAX_ENTRIES ? ids[size - 1] : Long.MIN_VALUE);
        dropRepostsBelow(size == MAX_ENTRIES ? ids[size - 1] : Long.MIN_VALUE);
        return inserted;
    }

    /**
     * Home feeds: inserts a repost of {@code original}, unless the original is among the newest {@value
     * #REPOST_FALLOFF} entries or a repost of it is already kept (it shows once, however many accounts followed repost
     * it). Where two accounts repost one tweet, the earlier repost is the one kept, whichever the fan-out brings first:
     * the fan-out runs in parallel, and a feed rebuilt oldest first ({@link #withRepostRules}) keeps the earlier one
     * too, so a reader sees the same entry before and after a rebuild. Returns whether the feed changed. Idempotent.
     */
    public boolean insertRepost(long id, long original) {
        int at = indexOf(original);
        if (at >= 0 && at < REPOST_FALLOFF) {
            return false;
        }
        for (int i = 0; i < repostOf.length; i++) {
            if (repostOf[i] == original) {
                if (repostIds[i] <= id) {
                    return false; // an earlier repost of it is here already (or this one, if the update came twice)
                }
                remove(repostIds[i]); // a later repost came first: the earlier one takes its place
                break;
            }
        }
        boolean inserted = insert(id);
        if (inserted) {
            int place = -Arrays.binarySearch(repostIds, id) - 1;
            repostIds = LongArrays.inserted(repostIds, place, id);
            repostOf = LongArrays.inserted(repostOf, place, original);
        }
        dropRepostsBelow(size == MAX_ENTRIES ? ids[size - 1] : Long.MIN_VALUE);
        return inserted;
    }

    /** The tweet a kept repost reposts, or 0 when {@code id} is no repost kept here. */
    public long originalOf(long id) {
        int at = Arrays.binarySearch(repostIds, id);
        return at >= 0 ? repostOf[at] : 0;
    }

    /** The kept reposts, ascending (for the serializer). */
    public long[] repostIds() {
        return repostIds.clone();
    }

    /** Parallel to {@link #repostIds}: the tweet each reposts. */
    public long[] repostOf() {
        return repostOf.clone();
    }

    /** Notes a kept repost (the serializer). */
    public void markRepost(long id, long original) {
        int at = Arrays.binarySearch(repostIds, id);
        if (at < 0) {
            repostIds = LongArrays.inserted(repostIds, -at - 1, id);
            repostOf = LongArrays.inserted(repostOf, -at - 1, original);
        }
    }

    private void dropRepostsBelow(long oldestKept) {
        int below = 0;
        while (below < repostIds.length && repostIds[below] < oldestKept) {
            below++;
        }
        if (below > 0) {
            repostIds = Arrays.copyOfRange(repostIds, below, repostIds.length);
            repostOf = Arrays.copyOfRange(repostOf, below, repostOf.length);
        }
    }

    /** Notes that the kept tweet {@code id} reaches only readers who also follow {@code account} (see the field). */
    public void narrow(long id, long account) {
        int at = Arrays.binarySearch(narrowedIds, id);
        if (at >= 0) {
            narrowedTo[at] = account;
            return;
        }
        int insert = -at - 1;
        narrowedIds = LongArrays.inserted(narrowedIds, insert, id);
        narrowedTo = LongArrays.inserted(narrowedTo, insert, account);
    }

    /** The account a reader must also follow to see the tweet in a home feed, or 0 for everyone. */
    public long audienceOf(long id) {
        int at = Arrays.binarySearch(narrowedIds, id);
        return at >= 0 ? narrowedTo[at] : 0;
    }

    /** The kept replies to someone else, ascending (for the serializer). */
    public long[] narrowedIds() {
        return narrowedIds.clone();
    }

    /** Parallel to {@link #narrowedIds}: the account each answers. */
    public long[] narrowedTo() {
        return narrowedTo.clone();
    }

    /** Whether some of these ids reach only some readers: then a page of them must be read for its reader. */
    public boolean narrowsAny(long[] someIds) {
        if (narrowedIds.length == 0) {
            return false;
        }
        for (long id : someIds) {
            if (Arrays.binarySearch(narrowedIds, id) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * A page for a home feed's reader: as {@link #page(long, long, int)}, without the replies to accounts the reader
     * does not follow (the reader's own, and replies to the reader, stay).
     */
    public long[] page(long maxId, long sinceId, int limit, FeedReader reader) {
        if (narrowedIds.length == 0) {
            return page(maxId, sinceId, limit);
        }
        long[] page = new long[Math.min(limit, size)];
        int count = 0;
        for (int i = firstBelow(maxId); i < size && count < page.length && ids[i] > sinceId; i++) {
            if (reader.sees(audienceOf(ids[i]))) {
                page[count++] = ids[i];
            }
        }
        return Arrays.copyOf(page, count);
    }

    private void dropNarrowedBelow(long oldestKept) {
        int below = 0;
        while (below < narrowedIds.length && narrowedIds[below] < oldestKept) {
            below++;
        }
        if (below > 0) {
            narrowedIds = Arrays.copyOfRange(narrowedIds, below, narrowedIds.length);
            narrowedTo = Arrays.copyOfRange(narrowedTo, below, narrowedTo.length);
        }
    }

    /** Removes an id if present; returns whether it was. */
    public boolean remove(long id) {
        int found = indexOf(id);
        if (found < 0) {
            return false;
        }
        int narrowed = Arrays.binarySearch(narrowedIds, id);
        if (narrowed >= 0) {
            narrowedIds = without(narrowedIds, narrowed);
            narrowedTo = without(narrowedTo, narrowed);
        }
        int repost = Arrays.binarySearch(repostIds, id);
        if (repost >= 0) {
            repostIds = without(repostIds, repost);
            repostOf = without(repostOf, repost);
        }
        System.arraycopy(ids, found + 1, ids, found, size - found - 1);
        size--;
        return true;
    }

    private static long[] without(long[] values, int at) {
        long[] shrunk = new long[values.length - 1];
        System.arraycopy(values, 0, shrunk, 0, at);
        System.arraycopy(values, at + 1, shrunk, at, shrunk.length - at);
        return shrunk.length == 0 ? NO_AUTHORS : shrunk;
    }

    /** Merges ids sorted newest first into this timeline, dropping duplicates, keeping the newest 800. */
    public void mergeNewestFirst(long[] other) {
        long[] merged = new long[Math.min(MAX_ENTRIES, size + other.length)];
        int count = 0;
        int mine = 0;
        int theirs = 0;
        while (count < merged.length && (mine < size || theirs < other.length)) {
            long next;
            if (theirs >= other.length || (mine < size && ids[mine] >= other[theirs])) {
                next = ids[mine++];
            } else {
                next = other[theirs++];
            }
            if (count == 0 || merged[count - 1] != next) {
                merged[count++] = next;
            }
        }
        truncated |= count == MAX_ENTRIES && (mine < size || theirs < other.length);
        ids = count < MIN_CAPACITY ? Arrays.copyOf(merged, MIN_CAPACITY) : merged;
        size = count;
    }

    /**
     * The ids of one page, newest first: ids below {@code maxId} and above {@code sinceId}, at most
     * {@code limit} of them. Plain loops: this runs for every feed read.
     */
    public long[] page(long maxId, long sinceId, int limit) {
        int start = firstBelow(maxId);
        int end = start;
        while (end < size && end - start < limit && ids[end] > sinceId) {
            end++;
        }
        return Arrays.copyOfRange(ids, start, end);
    }

    /** Index of the first id strictly below {@code maxId}. */
    private int firstBelow(long maxId) {
        int low = 0;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (ids[middle] >= maxId) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Binary search in the descending array: the index, or {@code -(insertion point) - 1}. */
    private int indexOf(long id) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            long value = ids[middle];
            if (value > id) {
                low = middle + 1;
            } else if (value < id) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -(low + 1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Timeline that
                && Arrays.equals(toArray(), that.toArray())
                && Arrays.equals(pulledAuthors, that.pulledAuthors)
                && lastReadMillis == that.lastReadMillis
                && truncated == that.truncated
                && tweetCount == that.tweetCount
                && Arrays.equals(narrowedIds, that.narrowedIds)
                && Arrays.equals(narrowedTo, that.narrowedTo)
                && Arrays.equals(repostIds, that.repostIds)
                && Arrays.equals(repostOf, that.repostOf);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toArray());
    }

    @Override
    public String toString() {
        return "Timeline" + Arrays.toString(toArray())
                + (pulledAuthors.length == 0 ? "" : " pulling " + Arrays.toString(pulledAuthors));
    }
}
