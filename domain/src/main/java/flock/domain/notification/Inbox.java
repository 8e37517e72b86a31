package flock.domain.notification;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import flock.domain.IntArrays;
import flock.domain.LongArrays;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A user's notifications: the newest {@value #CAPACITY} groups, newest first, in parallel arrays (a group's actors are
 * {@value #ACTORS_SHOWN} longs at {@code i * ACTORS_SHOWN}, 0 where there are fewer), the read marker, and the ids of
 * the newest {@value #RECENT_EVENTS} events applied, so that a journal replayed after a member loss adds nothing twice.
 *
 * <p>A group is named by its kind and subject: every like of one tweet joins one group, which moves to the top with
 * each new like (its id becomes that like's). Groups past the capacity leave memory; the store keeps them in
 * Cassandra, where older pages are read from.
 *
 * @param readUpTo the read marker: groups with a larger id are unread
 */
public record Inbox(
        long readUpTo,
        long[] groupIds,
        int[] kinds,
        long[] subjects,
        long[] latestAt,
        int[] counts,
        long[] actors,
        long[] recentEvents) {
    /** Groups kept in memory per user. */
    public static final int CAPACITY = 200;

    /** Accounts a group names. */
    public static final int ACTORS_SHOWN = 3;

    /**
     * Event ids remembered for deduplication. A replay repeats at most the events since the job's last snapshot
     * (seconds); an event older than all of these, once the list is full, is taken for a replay too.
     */
    public static final int RECENT_EVENTS = 512;

    public static final Inbox EMPTY =
            new Inbox(0, new long[0], new int[0], new long[0], new long[0], new int[0], new long[0], new long[0]);

    public int size() {
        return groupIds.length;
    }

    /** Groups above the read marker. */
    public int unread() {
        int unread = 0;
        while (unread < groupIds.length && groupIds[unread] > readUpTo) {
            unread++;
        }
        return unread;
    }

    public NotificationGroup group(int i) {
        return new NotificationGroup(
                groupIds[i], NotificationKind.of(kinds[i]), subjects[i], latestAt[i], counts[i], actorsOf(i));
    }

    public List<NotificationGroup> groups() {
        List<NotificationGroup> groups = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            groups.add(group(i));
        }
        return groups;
    }

    private long[] actorsOf(int i) {
        int n = 0;
        while (n < ACTORS_SHOWN && actors[i * ACTORS_SHOWN + n] != 0) {
            n++;
        }
        return Arrays.copyOfRange(actors, i * ACTORS_SHOWN, i * ACTORS_SHOWN + n);
    }

    /**
     * The inbox with one more event: a new group, or the event joining its group (which then moves up, if the event is
     * its newest). This inbox itself when the event was applied before, or is a mention, reply or quote already there.
     */
    public Inbox with(NotificationKind kind, long subject, long actorId, long eventId, long atMillis) {
        if (seen(eventId)) {
            return this;
        }
        int at = find(kind, subject);
        long[] recent = remembered(eventId);
        if (at < 0) {
            Inbox added = inserted(kind.ordinal(), subject, eventId, atMillis, 1, new long[] {actorId}, recent);
            return added.size() > CAPACITY ? added.truncated(CAPACITY) : added;
        }
        if (!kind.grouped()) {
            return new Inbox(readUpTo, groupIds, kinds, subjects, latestAt, counts, actors, recent);
        }
        NotificationGroup old = group(at);
        boolean newest = eventId > old.id();
        long[] shown = withActor(old.actors(), actorId, newest);
        boolean newActor = !contains(old.actors(), actorId);
        int count = old.count() + (kind == NotificationKind.FOLLOW && !newActor ? 0 : 1);
        return removed(at)
                .inserted(
                        kind.ordinal(),
                        subject,
                        Math.max(eventId, old.id()),
                        Math.max(atMillis, old.latestAt()),
                        count,
                        shown,
                        recent);
    }

    /** Without the groups about a tweet (deleted): its mention, reply or quote, the likes and reposts of it. */
    public Inbox withoutTweet(long tweetId) {
        Inbox kept = this;
        for (int i = size() - 1; i >= 0; i--) {
            if (subjects[i] == tweetId && kinds[i] != NotificationKind.FOLLOW.ordinal()) {
                kept = kept.removed(i);
            }
        }
        return kept;
    }

    /** With the marker moved up to {@code upToId}, never down, and never past the newest group. */
    public Inbox markedRead(long upToId) {
        long newest = size() == 0 ? readUpTo : groupIds[0];
        long marker = Math.max(readUpTo, Math.min(upToId, newest));
        return marker == readUpTo
                ? this
                : new Inbox(marker, groupIds, kinds, subjects, latestAt, counts, actors, recentEvents);
    }

    /** With the marker as stored, whatever it was (loading). */
    public Inbox markedReadAt(long marker) {
        return new Inbox(marker, groupIds, kinds, subjects, latestAt, counts, actors, recentEvents);
    }

    /**
     * The groups below {@code maxId} and above {@code sinceId} whose kind is in {@code kindMask}, newest first, one
     * more than the limit if more exist; with this inbox's marker and no event ids.
     */
    public Inbox page(long maxId, long sinceId, int limit, int kindMask) {
        Inbox page = EMPTY.markedReadAt(readUpTo);
        List<Integer> picked = new ArrayList<>();
        for (int i = 0; i < size() && picked.size() <= limit; i++) {
            if (groupIds[i] < maxId && groupIds[i] > sinceId && (kindMask & (1 << kinds[i])) != 0) {
                picked.add(i);
            }
        }
        return page.withGroupsOf(this, picked);
    }

    /** This inbox's marker and event ids, with the given groups of another inbox appended in order. */
    public Inbox withGroupsOf(Inbox source, List<Integer> indexes) {
        int n = indexes.size();
        long[] ids = Arrays.copyOf(groupIds, size() + n);
        int[] kindsOut = Arrays.copyOf(kinds, size() + n);
        long[] subjectsOut = Arrays.copyOf(subjects, size() + n);
        long[] latest = Arrays.copyOf(latestAt, size() + n);
        int[] countsOut = Arrays.copyOf(counts, size() + n);
        long[] actorsOut = Arrays.copyOf(actors, (size() + n) * ACTORS_SHOWN);
        for (int j = 0; j < n; j++) {
            int from = indexes.get(j);
            int to = size() + j;
            ids[to] = source.groupIds[from];
            kindsOut[to] = source.kinds[from];
            subjectsOut[to] = source.subjects[from];
            latest[to] = source.latestAt[from];
            countsOut[to] = source.counts[from];
            System.arraycopy(source.actors, from * ACTORS_SHOWN, actorsOut, to * ACTORS_SHOWN, ACTORS_SHOWN);
        }
        return new Inbox(readUpTo, ids, kindsOut, subjectsOut, latest, countsOut, actorsOut, recentEvents);
    }

    /** With a group appended after the others, for groups read in order, newest first (from Cassandra). */
    public Inbox withGroup(long id, NotificationKind kind, long subject, long at, int count, long[] shownActors) {
        Inbox one = new Inbox(
                readUpTo,
                new long[] {id},
                new int[] {kind.ordinal()},
                new long[] {subject},
                new long[] {at},
                new int[] {count},
                Arrays.copyOf(shownActors, ACTORS_SHOWN),
                recentEvents);
        return withGroupsOf(one, List.of(0));
    }

    /** The newest {@code n} groups. */
    public Inbox truncated(int n) {
        if (n >= size()) {
            return this;
        }
        return new Inbox(
                readUpTo,
                Arrays.copyOf(groupIds, n),
                Arrays.copyOf(kinds, n),
                Arrays.copyOf(subjects, n),
                Arrays.copyOf(latestAt, n),
                Arrays.copyOf(counts, n),
                Arrays.copyOf(actors, n * ACTORS_SHOWN),
                recentEvents);
    }

    /** Whether groups older than these may be in Cassandra: only once the inbox filled up. */
    public boolean full() {
        return size() >= CAPACITY;
    }

    private boolean seen(long eventId) {
        if (Arrays.binarySearch(recentEvents, eventId) >= 0) {
            return true;
        }
        return recentEvents.length >= RECENT_EVENTS && eventId < recentEvents[0];
    }

    private long[] remembered(long eventId) {
        int at = -Arrays.binarySearch(recentEvents, eventId) - 1;
        long[] recent = LongArrays.inserted(recentEvents, at, eventId);
        return recent.length > RECENT_EVENTS ? Arrays.copyOfRange(recent, 1, recent.length) : recent;
    }

    private int find(NotificationKind kind, long subject) {
        for (int i = 0; i < size(); i++) {
            if (subjects[i] == subject && kinds[i] == kind.ordinal()) {
                return i;
            }
        }
        return -1;
    }

    private static boolean contains(long[] ids, long id) {
        for (long each : ids) {
            if (each == id) {
                return true;
            }
        }
        return false;
    }

    /** The group's accounts with this one: first if its event is the group's newest, else after the others. */
    private static long[] withActor(long[] shown, long actorId, boolean newest) {
        if (newest) {
            long[] out = new long[Math.min(ACTORS_SHOWN, shown.length + (contains(shown, actorId) ? 0 : 1))];
            out[0] = actorId;
            for (int i = 0, to = 1; i < shown.length && to < out.length; i++) {
                if (shown[i] != actorId) {
                    out[to++] = shown[i];
                }
            }
            return out;
        }
        if (contains(shown, actorId) || shown.length >= ACTORS_SHOWN) {
            return shown;
        }
        long[] out = Arrays.copyOf(shown, shown.length + 1);
        out[shown.length] = actorId;
        return out;
    }

    private Inbox removed(int at) {
        long[] actorsOut = new long[actors.length - ACTORS_SHOWN];
        System.arraycopy(actors, 0, actorsOut, 0, at * ACTORS_SHOWN);
        System.arraycopy(
                actors, (at + 1) * ACTORS_SHOWN, actorsOut, at * ACTORS_SHOWN, actorsOut.length - at * ACTORS_SHOWN);
        return new Inbox(
                readUpTo,
                LongArrays.removed(groupIds, at),
                IntArrays.removed(kinds, at),
                LongArrays.removed(subjects, at),
                LongArrays.removed(latestAt, at),
                IntArrays.removed(counts, at),
                actorsOut,
                recentEvents);
    }

    /** With a group put where its id places it (ids descending). */
    private Inbox inserted(int kind, long subject, long id, long at, int count, long[] shownActors, long[] recent) {
        int pos = 0;
        while (pos < size() && groupIds[pos] > id) {
            pos++;
        }
        long[] actorsOut = new long[actors.length + ACTORS_SHOWN];
        System.arraycopy(actors, 0, actorsOut, 0, pos * ACTORS_SHOWN);
        System.arraycopy(shownActors, 0, actorsOut, pos * ACTORS_SHOWN, Math.min(ACTORS_SHOWN, shownActors.length));
        System.arraycopy(
                actors, pos * ACTORS_SHOWN, actorsOut, (pos + 1) * ACTORS_SHOWN, actors.length - pos * ACTORS_SHOWN);
        return new Inbox(
                readUpTo,
                LongArrays.inserted(groupIds, pos, id),
                IntArrays.inserted(kinds, pos, kind),
                LongArrays.inserted(subjects, pos, subject),
                LongArrays.inserted(latestAt, pos, at),
                IntArrays.inserted(counts, pos, count),
                actorsOut,
                recent);
    }

    /** Compact form; {@code groups} and {@code unread} are written for SQL, which reads no arrays. */
    public static final class Serializer implements CompactSerializer<Inbox> {
        @Override
        public Inbox read(CompactReader reader) {
            return new Inbox(
                    reader.readInt64("readUpTo"),
                    reader.readArrayOfInt64("groupIds"),
                    reader.readArrayOfInt32("kinds"),
                    reader.readArrayOfInt64("subjects"),
                    reader.readArrayOfInt64("latestAt"),
                    reader.readArrayOfInt32("counts"),
                    reader.readArrayOfInt64("actors"),
                    reader.readArrayOfInt64("recentEvents"));
        }

        @Override
        public void write(CompactWriter writer, Inbox inbox) {
            writer.writeInt32("groups", inbox.size());
            writer.writeInt32("unread", inbox.unread());
            writer.writeInt64("newestAt", inbox.size() == 0 ? 0 : inbox.latestAt()[0]);
            writer.writeInt64("readUpTo", inbox.readUpTo());
            writer.writeArrayOfInt64("groupIds", inbox.groupIds());
            writer.writeArrayOfInt32("kinds", inbox.kinds());
            writer.writeArrayOfInt64("subjects", inbox.subjects());
            writer.writeArrayOfInt64("latestAt", inbox.latestAt());
            writer.writeArrayOfInt32("counts", inbox.counts());
            writer.writeArrayOfInt64("actors", inbox.actors());
            writer.writeArrayOfInt64("recentEvents", inbox.recentEvents());
        }

        @Override
        public String getTypeName() {
            return "flock.Inbox";
        }

        @Override
        public Class<Inbox> getCompactClass() {
            return Inbox.class;
        }
    }
}
