package flock.gridnode;

import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.core.JobStatus;
import com.hazelcast.map.IMap;
import com.sun.net.httpserver.HttpServer;
import flock.domain.MapNames;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * The member's own metrics port: {@code GET /metrics} in Prometheus text form. It carries what only a member
 * knows: the fan-out job's lag and update count (recorded where the job runs), the entries this member owns
 * per map, the entries waiting in its write-behind queues, partition migrations ({@link MigrationMetrics}), and the
 * JVM's memory, GC and CPU; and {@code /health/live} and {@code /health/ready} for Kubernetes' probes. A plain JDK
 * HTTP server: members have no web framework, and one scrape every few seconds needs none.
 */
final class MemberMetrics {
    /** The maps whose entries are published: the same the admin view counts. */
    private static final List<String> COUNTED_MAPS = flock.domain.cluster.MemberStatus.MAPS;

    private MemberMetrics() {}

    /**
     * Operations on the entries this member owns, by kind: which maps a workload reads and writes, and how often (a
     * getAll counts one get per key; "other" holds entry processors and the rest). Rates over a run show what a request
     * costs the grid map by map, without a profiler.
     */
    private static void countOperations(PrometheusMeterRegistry registry, IMap<?, ?> map, String name) {
        operations(registry, map, name, "get", m -> m.getLocalMapStats().getGetOperationCount());
        operations(registry, map, name, "put", m -> m.getLocalMapStats().getPutOperationCount());
        operations(registry, map, name, "set", m -> m.getLocalMapStats().getSetOperationCount());
        operations(registry, map, name, "remove", m -> m.getLocalMapStats().getRemoveOperationCount());
        operations(registry, map, name, "other", m -> m.getLocalMapStats().getOtherOperationCount());
    }

    private static void operations(
            PrometheusMeterRegistry registry,
            IMap<?, ?> map,
            String name,
            String kind,
            java.util.function.ToDoubleFunction<IMap<?, ?>> count) {
        FunctionCounter.builder("flock.map.operations", map, count)
                .description("Operations this member ran on the map's entries it owns")
                .tags("map", name, "kind", kind)
                .register(registry);
    }

    /** Starts serving on the host and port; answers the server so the caller can stop it. */
    static HttpServer serve(HazelcastInstance member, String host, int port) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Metrics.globalRegistry.add(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        MigrationMetrics.bind(member, registry);
        JobLookup jobs = new JobLookup(member);
        for (String job : MapNames.JOBS) {
            Gauge.builder("flock.jet.job.running", jobs, lookup -> jobRunning(lookup, job))
                    .strongReference(true) // Micrometer holds its object weakly: nothing else keeps the lookup
                    .description("1 while the Jet job runs; 0 while it starts, restarts, is suspended or failed")
                    .tag("job", job)
                    .register(registry);
        }
        for (String name : COUNTED_MAPS) {
            IMap<?, ?> map = member.getMap(name);
            Gauge.builder("flock.map.owned.entries", map, m -> m.getLocalMapStats()
                            .getOwnedEntryCount())
                    .description("Entries of the map whose primary copy this member holds")
                    .tag("map", name)
                    .register(registry);
        }
        for (String name : member.getConfig().getMapConfigs().keySet()) {
            if (!name.equals("default") && !name.contains("*")) {
                countOperations(registry, member.getMap(name), name);
            }
        }
        for (String name : COUNTED_MAPS) {
            // Hazelcast estimates memory only for maps kept serialized; OBJECT maps (timelines, follow
            // lists) would always read 0, so they publish nothing rather than a wrong figure.
            if (member.getConfig().getMapConfig(name).getInMemoryFormat() != InMemoryFormat.BINARY) {
                continue;
            }
            IMap<?, ?> map = member.getMap(name);
            Gauge.builder("flock.map.memory", map, m -> m.getLocalMapStats().getOwnedEntryMemoryCost())
                    .description("Bytes the entries of a serialized map take on this member, primary copies")
                    .baseUnit("bytes")
                    .tags("map", name, "copy", "primary")
                    .register(registry);
            Gauge.builder("flock.map.memory", map, m -> m.getLocalMapStats().getBackupEntryMemoryCost())
                    .description("Bytes the entries of a serialized map take on this member, backup copies")
                    .baseUnit("bytes")
                    .tags("map", name, "copy", "backup")
                    .register(registry);
        }
        for (String name : MemberConfig.PERSISTED_MAPS) {
            IMap<?, ?> map = member.getMap(name);
            Gauge.builder("flock.map.writebehind.pending", map, m -> m.getLocalMapStats()
                            .getDirtyEntryCount())
                    .description("Entries this member changed that the write-behind has not yet stored in Cassandra")
                    .tag("map", name)
                    .register(registry);
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            // A few threads, not the JDK's default of the dispatcher alone: a slow scrape must not hold the probes.
            server.setExecutor(Executors.newFixedThreadPool(
                    3,
                    Thread.ofPlatform().daemon().name("flock-member-http-", 0).factory()));
            server.createContext("/metrics", exchange -> {
                byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.createContext(
                    "/health/live",
                    exchange -> answer(exchange, member.getLifecycleService().isRunning()));
            server.createContext("/health/ready", exchange -> answer(exchange, ready(member)));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve member metrics on " + host + ":" + port, e);
        }
    }

    /** 1 if Jet says the job runs; 0 if it says otherwise or gave no answer in time (an operator looks either way). */
    private static double jobRunning(JobLookup jobs, String name) {
        Boolean running = jobs.ask(jet -> {
            Job job = jet.getJob(name);
            return job != null && job.getStatus() == JobStatus.RUNNING;
        });
        return Boolean.TRUE.equals(running) ? 1 : 0;
    }

    /**
     * Ready when this member runs and every partition it owns has its backups in sync. A rolling restart or a
     * scale-up (the chart's StatefulSet starts members one by one, each once the previous is ready) then waits for
     * each migration to finish before it takes the next member away or adds another.
     */
    static boolean ready(HazelcastInstance member) {
        return member.getLifecycleService().isRunning()
                && member.getPartitionService().isLocalMemberSafe();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, boolean up) throws IOException {
        byte[] body = (up ? "UP\n" : "DOWN\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(up ? 200 : 503, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
