package flock.mapstores;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * What this member last wrote to Cassandra for each key of a store that writes only the difference (follow lists,
 * likes, likers buckets), so that the next write of the key needs no read of the rows first: that read was one
 * Cassandra request of every like, follow and reply written behind, beside the writes themselves.
 *
 * <p>What is held is only trusted while nothing else can have written the key's rows, which is while this member has
 * owned the key's partition throughout: a value is held with the grid's partition table stamp, which changes with
 * every migration and every promotion of a backup, and is dropped once the stamp moved (the next write reads the rows
 * again, as before). Two uses of one key at once (a load racing a write) hold nothing, and neither does a write that
 * failed: some of its statements may have been applied, and the retry must see the rows as they are.
 *
 * <p>Bounded by the edges held (least recently used first out). Until the member gives its stamp ({@link #stampFrom}),
 * nothing is held and every write reads, as a store outside a member (a test, a tool) must.
 *
 * @param <K> the grid key
 * @param <V> the value as last written or loaded
 */
final class LastStored<K, V> {
    /** Edges held per store: about 24 MB of arrays at most, for the thousands of lists and buckets being changed. */
    static final long MAX_EDGES = 1_000_000;

    private final ToIntFunction<V> edges;
    private final Counter fromHeld;
    private final Counter fromRead;
    private final long maxEdges;
    private final LinkedHashMap<K, Held<V>> held = new LinkedHashMap<>(1024, 0.75f, true);
    private final Map<K, Guard> inUse = new HashMap<>();
    private long heldEdges;
    private volatile LongSupplier stamp;

    /** @param table the table the rows are in, as the counts of writes from held rows and from read ones name it */
    LastStored(String table, ToIntFunction<V> edges) {
        this(table, edges, MAX_EDGES);
    }

    LastStored(String table, ToIntFunction<V> edges, long maxEdges) {
        this.edges = edges;
        this.maxEdges = maxEdges;
        this.fromHeld = counter(table, "held");
        this.fromRead = counter(table, "read");
    }

    /**
     * {@code flock_writebehind_rows_total{table,from}}: the writes of a key that found its rows held, and those that had
     * to read them first (the first write of a key this member did not load, every write while partitions move).
     */
    private static Counter counter(String table, String from) {
        return Counter.builder("flock.writebehind.rows")
                .description(
                        "Writes behind of edge lists and buckets, by whether the rows they change were held or read first")
                .tags("table", table, "from", from)
                .register(Metrics.globalRegistry);
    }

    /**
     * From now on, values are held under this partition table stamp; unless the member runs with {@code
     * -Dflock.writebehind.hold-rows=false}, which makes every write read the rows first, as it did before rows were held
     * (to measure the difference, or should what is held ever be in doubt).
     */
    void stampFrom(LongSupplier partitionTableStamp) {
        if (Boolean.parseBoolean(System.getProperty("flock.writebehind.hold-rows", "true"))) {
            this.stamp = partitionTableStamp;
        }
    }

    /**
     * Starts a load or a write of the key. The use answers the value Cassandra holds for the key as this member last
     * wrote or read it, or null when that is not known: then the caller reads the rows.
     */
    synchronized Use<K, V> begin(K key) {
        return begin(key, false);
    }

    /** The same, for a write, which is counted by whether it needs a read ({@code flock_writebehind_rows_total}). */
    private synchronized Use<K, V> beginWrite(K key) {
        return begin(key, true);
    }

    private Use<K, V> begin(K key, boolean writing) {
        LongSupplier stamps = stamp;
        if (stamps == null) {
            if (writing) {
                fromRead.increment();
            }
            return new Use<>(key, 0, null, null);
        }
        Guard guard = inUse.get(key);
        if (guard == null) {
            guard = new Guard();
            inUse.put(key, guard);
        } else {
            guard.overlapped = true;
        }
        guard.uses++;
        long now = stamps.getAsLong();
        Held<V> known = held.get(key);
        V value = null;
        if (known != null && known.stamp == now && !guard.overlapped) {
            value = known.value;
        } else if (known != null) {
            forget(key);
        }
        if (writing) {
            (value == null ? fromRead : fromHeld).increment();
        }
        return new Use<>(key, now, guard, value);
    }

    /**
     * Loads a key through {@code read} (null: no rows), remembering what was read, or {@code none} for no rows.
     */
    V load(K key, Supplier<V> read, V none) {
        Use<K, V> use = begin(key);
        V loaded;
        try {
            loaded = read.get();
        } catch (RuntimeException e) {
            end(use, null);
            throw e;
        }
        end(use, loaded == null ? none : loaded);
        return loaded;
    }

    /**
     * Starts writing a key in a batch: once the batch is awaited, Cassandra holds {@code after} for it if every
     * statement was applied. The use says which rows are known, if any.
     */
    Use<K, V> write(K key, AsyncWrites writes, V after) {
        Use<K, V> use = beginWrite(key);
        writes.afterwards(applied -> end(use, applied ? after : null));
        return use;
    }

    /** Ends a use: {@code written} is what Cassandra now holds for the key, or null if the use failed. */
    synchronized void end(Use<K, V> use, V written) {
        if (use.guard == null) {
            return;
        }
        use.guard.uses--;
        if (use.guard.uses == 0) {
            inUse.remove(use.key);
        }
        boolean trusted = written != null && !use.guard.overlapped && stamp.getAsLong() == use.stamp;
        forget(use.key);
        if (trusted) {
            int weight = edges.applyAsInt(written) + 1;
            held.put(use.key, new Held<>(written, use.stamp, weight));
            heldEdges += weight;
            evictOverBound();
        }
    }

    synchronized int size() {
        return held.size();
    }

    private void forget(K key) {
        Held<V> gone = held.remove(key);
        if (gone != null) {
            heldEdges -= gone.weight;
        }
    }

    private void evictOverBound() {
        Iterator<Held<V>> oldest = held.values().iterator();
        while (heldEdges > maxEdges && oldest.hasNext()) {
            heldEdges -= oldest.next().weight;
            oldest.remove();
        }
    }

    /**
     * One load or write of a key under way.
     *
     * @param known what Cassandra holds for the key, or null when the rows must be read
     */
    record Use<K, V>(K key, long stamp, Guard guard, V known) {}

    private record Held<V>(V value, long stamp, int weight) {}

    /** The uses of one key under way, and whether two of them overlapped. */
    static final class Guard {
        private int uses;
        private boolean overlapped;
    }
}
