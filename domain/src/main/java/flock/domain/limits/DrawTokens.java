package flock.domain.limits;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Records on the owner of a {@link RateShard} the requests an API node admitted since its last sync, for every client
 * of that shard it served, and answers each one's tokens left: the levels the node then estimates from until its
 * next sync. With every {@code spent} 0 it only reads (a node's first request from a client), and sends nothing to
 * the backup. Time is the owning member's clock, so API nodes' clocks need not agree.
 *
 * @param clients the clients' keys ({@code u:<user id>}, {@code a:<address>}), all of this shard
 * @param spent requests admitted per client since the last report
 * @param capacities each client's limit: requests per period
 * @param periodsMillis each client's period
 */
public record DrawTokens(String[] clients, int[] spent, int[] capacities, long[] periodsMillis)
        implements EntryProcessor<Integer, RateShard, double[]> {

    /** One client's level, read without spending: the first request a node sees from it. */
    public static DrawTokens read(String client, int capacity, long periodMillis) {
        return new DrawTokens(new String[] {client}, new int[] {0}, new int[] {capacity}, new long[] {periodMillis});
    }

    @Override
    public double[] process(Map.Entry<Integer, RateShard> entry) {
        long now = System.currentTimeMillis();
        RateShard shard = entry.getValue();
        boolean writes = spendsAnything();
        if (shard == null) {
            shard = new RateShard();
        }
        double[] levels = new double[clients.length];
        for (int i = 0; i < clients.length; i++) {
            levels[i] = shard.draw(clients[i], spent[i], capacities[i], periodsMillis[i], now);
        }
        if (writes) {
            shard.sweep(now);
            entry.setValue(shard);
        }
        return levels;
    }

    @Override
    public EntryProcessor<Integer, RateShard, double[]> getBackupProcessor() {
        return spendsAnything() ? this : null;
    }

    private boolean spendsAnything() {
        for (int n : spent) {
            if (n != 0) {
                return true;
            }
        }
        return false;
    }

    /** Compact form. */
    public static final class Serializer implements CompactSerializer<DrawTokens> {
        @Override
        public DrawTokens read(CompactReader reader) {
            return new DrawTokens(
                    reader.readArrayOfString("clients"),
                    reader.readArrayOfInt32("spent"),
                    reader.readArrayOfInt32("capacities"),
                    reader.readArrayOfInt64("periodsMillis"));
        }

        @Override
        public void write(CompactWriter writer, DrawTokens processor) {
            writer.writeArrayOfString("clients", processor.clients());
            writer.writeArrayOfInt32("spent", processor.spent());
            writer.writeArrayOfInt32("capacities", processor.capacities());
            writer.writeArrayOfInt64("periodsMillis", processor.periodsMillis());
        }

        @Override
        public String getTypeName() {
            return "flock.DrawTokens";
        }

        @Override
        public Class<DrawTokens> getCompactClass() {
            return DrawTokens.class;
        }
    }
}
