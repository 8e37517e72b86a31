package flock.testkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Flock as a user runs it, in separate processes: grid members and an API node over a real Cassandra.
 * Members join by TCP/IP on free ports; each test class gets its own cluster name and keyspace so that
 * tests sharing one Cassandra never see each other's data.
 */
public final class FlockStack implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final CassandraServer cassandra;
    private final String clusterName;
    private final Path logs;
    private final List<Integer> memberPorts = new ArrayList<>();
    private final List<Integer> metricsPorts = new ArrayList<>();
    private final List<JvmProcess> members = new ArrayList<>();
    /** The admin token of every API node a stack starts ({@code GET /admin/cluster}). */
    public static final String ADMIN_TOKEN = "flock-stack-admin";

    /** Requests per period that no test or benchmark reaches. */
    public static final String RAISED_LIMIT = "1000000000";

    private JvmProcess api;

    /** Every API node started, the latest ({@link #api}) included: closing the stack stops them all. */
    private final List<JvmProcess> apis = new ArrayList<>();

    private S3Server objectStore;
    private int apiPort;
    private String memberHeap = JvmProcess.DEFAULT_HEAP;
    private List<String> jvmOptions = JvmProcess.TEST_GC;
    private final Map<String, String> memberSettings = new java.util.HashMap<>();

    /**
     * @param cassandra the Cassandra the members write behind to, or null for members that keep data in
     *     memory only ({@code flock.cassandra.enabled=false}), as the benchmark's scaling stage runs them
     */
    public FlockStack(CassandraServer cassandra, String name) {
        this.cassandra = cassandra;
        this.clusterName = name;
        this.logs = ProjectLayout.scratch(name);
    }

    /** Members started from now on get this maximum heap ("1g"), for tests that hold more data. */
    public FlockStack withMemberHeap(String heap) {
        this.memberHeap = heap;
        return this;
    }

    /** Members and API servers started from now on get these JVM options instead of the tests' collector. */
    public FlockStack withJvmOptions(List<String> options) {
        this.jvmOptions = List.copyOf(options);
        return this;
    }

    /** Members started from now on get this setting ({@code flock.<key>}), beside the stack's own. */
    public FlockStack withMemberSetting(String key, String value) {
        memberSettings.put("flock." + key, value);
        return this;
    }

    /** API nodes store media in this S3 server, and members clean up the media never attached there. */
    public FlockStack withObjectStore(S3Server server) {
        this.objectStore = server;
        return this;
    }

    /**
     * Starts the members and one API node and waits until the API sees every member. A start that fails stops what it
     * started: the caller never got the stack to close, and members left running would hold their ports and CPU.
     */
    public FlockStack start(int memberCount) {
        try {
            // Every member's port is chosen before any starts, so that each is told of all the others: a member that
            // knew only those started before it could start first, find nobody listening yet, and form a cluster of
            // its own beside the others (two clusters of one, seen on a busy machine).
            while (memberPorts.size() < members.size() + memberCount) {
                memberPorts.add(FreePorts.next());
                metricsPorts.add(FreePorts.next());
            }
            for (int i = 0; i < memberCount; i++) {
                startMember();
            }
            startApi();
            awaitMembers(memberCount);
            return this;
        } catch (RuntimeException | AssertionError e) {
            close();
            throw e;
        }
    }

    public JvmProcess startMember() {
        int index = members.size();
        if (index == memberPorts.size()) {
            memberPorts.add(FreePorts.next()); // a restarted member reuses the port its index had
        }
        int port = memberPorts.get(index);
        if (index == metricsPorts.size()) {
            metricsPorts.add(FreePorts.next());
        }
        String memberList =
                String.join(",", memberPorts.stream().map(p -> "127.0.0.1:" + p).toList());
        JvmProcess member = JvmProcess.start(
                "member-" + index,
                "grid-node",
                "flock.gridnode.GridNode",
                memberHeap,
                jvmOptions,
                memberProperties(port, metricsPorts.get(index), memberList),
                logs.resolve("member-" + index + ".log"));
        members.add(member);
        return member;
    }

    private Map<String, String> memberProperties(int port, int metricsPort, String memberList) {
        Map<String, String> properties = new java.util.HashMap<>(Map.of(
                "flock.cluster-name",
                clusterName,
                "flock.member.port",
                String.valueOf(port),
                "flock.metrics.port",
                String.valueOf(metricsPort),
                "flock.members",
                memberList));
        if (objectStore != null) {
            objectStore.apiProperties().forEach(properties::put);
        }
        properties.putAll(memberSettings);
        if (cassandra == null) {
            properties.put("flock.cassandra.enabled", "false");
        } else {
            properties.put("flock.cassandra.contact-points", cassandra.contactPoint());
            properties.put("flock.cassandra.keyspace", keyspace());
        }
        return properties;
    }

    public JvmProcess startApi() {
        return startApi("api-node", "flock.apinode.Main", JvmProcess.DEFAULT_HEAP, Map.of());
    }

    /**
     * Starts a server that mounts the API (the API node, or the benchmarks' server with its baselines beside
     * it) on a free port, connected to this stack's members, and waits until it answers.
     *
     * @param properties system properties of its own, beside the port and the grid's
     */
    public JvmProcess startApi(String module, String mainClass, String heap, Map<String, String> properties) {
        apiPort = FreePorts.next();
        String addresses =
                String.join(",", memberPorts.stream().map(p -> "127.0.0.1:" + p).toList());
        Map<String, String> all = new java.util.HashMap<>(properties);
        all.put("server.port", String.valueOf(apiPort));
        // Tests and benchmarks drive thousands of users from one address at rates far past the limits meant for
        // one person (flock.limits, 300 requests per 5 minutes); they raise them unless a caller sets its own.
        all.putIfAbsent("flock.limits.account.requests", RAISED_LIMIT);
        all.putIfAbsent("flock.limits.address.requests", RAISED_LIMIT);
        all.putIfAbsent("flock.limits.uploads.requests", RAISED_LIMIT);
        all.putIfAbsent("flock.admin.token", ADMIN_TOKEN);
        if (objectStore != null) {
            objectStore.apiProperties().forEach(all::putIfAbsent);
        }
        all.put("flock.grid.cluster-name", clusterName);
        all.put("flock.grid.addresses", addresses);
        api = JvmProcess.start(
                "api", module, mainClass, heap, jvmOptions, all, logs.resolve("api-" + apiPort + ".log"));
        apis.add(api);
        api.awaitWhileAlive(START_TIMEOUT, "API node " + api + " answers health", () -> {
            requireMembersAlive();
            return status("/observe/health/live") == 200;
        });
        return api;
    }

    /** Waits until the API node's grid client sees exactly this many members. */
    public void awaitMembers(int count) {
        try {
            api.awaitWhileAlive(START_TIMEOUT, count + " members visible to the API node", () -> {
                String body = get("/observe/health");
                return body.contains("\"members\":" + count + "}") || body.contains("\"members\":" + count + ",");
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + membersLogTails(), e);
        }
    }

    /** A member that died while the API node waits for the grid fails the start at once, with its log. */
    private void requireMembersAlive() {
        for (JvmProcess member : members) {
            if (!member.isAlive()) {
                throw new AssertionError("member " + member + " exited while the stack started\n" + member.logTail());
            }
        }
    }

    private String membersLogTails() {
        StringBuilder tails = new StringBuilder();
        for (JvmProcess member : members) {
            tails.append('\n').append(member.logTail());
        }
        return tails.toString();
    }

    /** The member's own metrics (Prometheus text): fan-out lag, owned entries per map, JVM. */
    public URI memberMetricsUri(int index) {
        return URI.create("http://127.0.0.1:" + metricsPorts.get(index) + "/metrics");
    }

    /** The cluster name members and clients must use. */
    public String clusterName() {
        return clusterName;
    }

    /** host:port of every member started so far, for a grid client of a test's own. */
    public List<String> memberAddresses() {
        return memberPorts.stream().map(port -> "127.0.0.1:" + port).toList();
    }

    public URI apiUri() {
        return URI.create("http://127.0.0.1:" + apiPort);
    }

    public List<JvmProcess> members() {
        return members;
    }

    public JvmProcess api() {
        return api;
    }

    /** Keyspace names allow only lower-case letters, digits and underscores. */
    public String keyspace() {
        return clusterName.toLowerCase().replaceAll("[^a-z0-9_]", "_");
    }

    /** Stops every member gracefully (each flushes its write-behind queues) and every API node. */
    public void stopAll() {
        for (JvmProcess node : apis) {
            if (node.isAlive()) {
                node.stop();
            }
        }
        for (JvmProcess member : members) {
            if (member.isAlive()) {
                member.stop();
            }
        }
    }

    /** Forgets the stopped members so the next ones start on the first ports again. */
    public void forgetMembers() {
        members.removeIf(member -> !member.isAlive());
    }

    /**
     * A full restart: every member and API node stopped gracefully, then as many new members as asked and a new API
     * node, on the same keyspace, waited for until the members form the cluster.
     */
    public void restartAll(int memberCount) {
        stopAll();
        forgetMembers();
        for (int i = 0; i < memberCount; i++) {
            startMember();
        }
        startApi();
        awaitMembers(memberCount);
    }

    @Override
    public void close() {
        for (JvmProcess node : apis) {
            if (node.isAlive()) {
                node.kill();
            }
        }
        for (JvmProcess member : members) {
            if (member.isAlive()) {
                member.kill();
            }
        }
    }

    private int status(String path) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(apiUri().resolve(path)).build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String get(String path) {
        return fetch(apiUri().resolve(path));
    }

    /**
     * The body at the URI, or "" when nothing answers there within 30 s: a process that stopped answering makes the
     * caller's own wait fail with its message instead of hanging the run.
     */
    public String fetch(URI uri) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(java.time.Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (java.io.IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
}
