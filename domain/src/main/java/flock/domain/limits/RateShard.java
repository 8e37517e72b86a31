package flock.domain.limits;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * One shard of the rate limits' token buckets, the value of one key of {@link flock.domain.MapNames#RATE_LIMITS}: the buckets of
 * every client whose key hashes to it. Shards, not a key per client, so that an API node reports all it admitted in
 * at most {@link #SHARDS} calls per sync, however many clients it served. Changed in place by {@link DrawTokens} on
 * the owner (the map keeps OBJECT values); not thread safe, as entry processors run one at a time per partition.
 */
public final class RateShard {
    /** Shards of the rate limits: about one per partition (271), so they spread over every member. */
    public static final int SHARDS = 256;

    /** How often a shard drops the buckets that have refilled: they equal a bucket never used. */
    static final long SWEEP_EVERY_MILLIS = 60_000;

    private final Map<String, double[]> buckets;
    private long sweptAtMillis;

    public RateShard() {
        this(new HashMap<>(), 0);
    }

    RateShard(Map<String, double[]> buckets, long sweptAtMillis) {
        this.buckets = buckets;
        this.sweptAtMillis = sweptAtMillis;
    }

    /** The shard a client key belongs to. */
    public static int of(String client) {
        return Math.floorMod(client.hashCode(), SHARDS);
    }

    /**
     * Refills the client's bucket up to {@code now}, takes what was spent, and answers the tokens left: below zero
     * when API nodes admitted more than it held between two syncs (a debt the refill pays back before the client
     * is admitted again), floored at one bucket's worth so that a client waits at most two periods. A new bucket
     * starts full.
     */
    double draw(String client, int spent, int capacity, long periodMillis, long now) {
        double[] bucket = buckets.get(client); // {tokens, updated at, full again at}
        double level = bucket == null ? capacity : refilled(bucket, capacity, periodMillis, now);
        if (spent == 0) {
            return level;
        }
        double left = Math.max(-capacity, level - spent);
        double fullAt = now + (capacity - left) * periodMillis / capacity;
        if (bucket == null) {
            buckets.put(client, new double[] {left, now, fullAt});
        } else {
            bucket[0] = left;
            bucket[1] = now;
            bucket[2] = fullAt;
        }
        return left;
    }

    /** Drops, at most once a minute, the buckets that are full again. */
    void sweep(long now) {
        if (now - sweptAtMillis < SWEEP_EVERY_MILLIS) {
            return;
        }
        sweptAtMillis = now;
        for (Iterator<double[]> it = buckets.values().iterator(); it.hasNext(); ) {
            if (it.next()[2] <= now) {
                it.remove();
            }
        }
    }

    int size() {
        return buckets.size();
    }

    private static double refilled(double[] bucket, int capacity, long periodMillis, long now) {
        double elapsed = Math.max(0, now - bucket[1]);
        return Math.min(capacity, bucket[0] + elapsed * capacity / periodMillis);
    }

    /** Compact form: the clients and their buckets as parallel arrays. */
    public static final class Serializer
            implements com.hazelcast.nio.serialization.compact.CompactSerializer<RateShard> {
        @Override
        public RateShard read(com.hazelcast.nio.serialization.compact.CompactReader reader) {
            String[] clients = reader.readArrayOfString("clients");
            double[] tokens = reader.readArrayOfFloat64("tokens");
            double[] updated = reader.readArrayOfFloat64("updatedAt");
            double[] full = reader.readArrayOfFloat64("fullAt");
            Map<String, double[]> buckets = new HashMap<>();
            for (int i = 0; i < clients.length; i++) {
                buckets.put(clients[i], new double[] {tokens[i], updated[i], full[i]});
            }
            return new RateShard(buckets, reader.readInt64("sweptAt"));
        }

        @Override
        public void write(com.hazelcast.nio.serialization.compact.CompactWriter writer, RateShard shard) {
            int n = shard.buckets.size();
            String[] clients = new String[n];
            double[] tokens = new double[n];
            double[] updated = new double[n];
            double[] full = new double[n];
            int i = 0;
            for (Map.Entry<String, double[]> bucket : shard.buckets.entrySet()) {
                clients[i] = bucket.getKey();
                tokens[i] = bucket.getValue()[0];
                updated[i] = bucket.getValue()[1];
                full[i] = bucket.getValue()[2];
                i++;
            }
            writer.writeArrayOfString("clients", clients);
            writer.writeArrayOfFloat64("tokens", tokens);
            writer.writeArrayOfFloat64("updatedAt", updated);
            writer.writeArrayOfFloat64("fullAt", full);
            writer.writeInt64("sweptAt", shard.sweptAtMillis);
        }

        @Override
        public String getTypeName() {
            return "flock.RateShard";
        }

        @Override
        public Class<RateShard> getCompactClass() {
            return RateShard.class;
        }
    }
}
