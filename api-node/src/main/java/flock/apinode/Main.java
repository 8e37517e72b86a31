package flock.apinode;

import com.hazelcast.core.HazelcastInstance;
import flock.apinode.grid.GridCallTrace;
import flock.apinode.grid.GridClient;
import flock.apinode.grid.GridHealth;
import flock.apinode.http.AdminApi;
import flock.apinode.http.EarlyRefusals;
import flock.apinode.http.MediaApi;
import flock.apinode.http.NotificationsApi;
import flock.apinode.http.Problems;
import flock.apinode.http.RateLimitFilter;
import flock.apinode.http.RequestMetrics;
import flock.apinode.http.SafetyApi;
import flock.apinode.http.SlowRequests;
import flock.apinode.http.StreamingApi;
import flock.apinode.http.TweetsApi;
import flock.apinode.http.UsersApi;
import flock.apinode.http.WebClientFiles;
import flock.apinode.limits.RateLimiter;
import io.helidon.common.mapper.MapperManager;
import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The API node: a stateless Helidon SE server in front of the grid. This is the composition root;
 * {@link #routing(HttpRouting.Builder, HazelcastInstance, ApiSettings)} is what tests mount without a
 * socket.
 */
public final class Main {
    private static final Logger LOG = Logger.getLogger(Main.class.getName());

    private Main() {}

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        Config config = Config.create();
        HazelcastInstance grid = connect(config);
        WebServer server;
        try {
            server = WebServer.builder()
                    .config(config.get("server"))
                    .directHandlers(earlyRefusals())
                    .addFeature(observe(grid))
                    .routing(routing -> mount(routing, grid, config))
                    .build()
                    .start();
        } catch (RuntimeException e) {
            // The grid client's threads would keep a node that cannot serve alive and never ready: exit, so that
            // whatever runs it (Kubernetes, ./flock) sees the failure and its cause.
            LOG.log(Level.SEVERE, "the API node could not start", e);
            grid.shutdown();
            System.exit(1);
            return;
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.stop();
                            grid.shutdown();
                        },
                        "flock-api-shutdown"));
        LOG.info("Flock API node ready on http://"
                + config.get("server.host").asString().orElse("127.0.0.1") + ":" + server.port() + "/api/v1");
    }

    /** Problem bodies for what Helidon refuses before any route runs; every server of the API uses them. */
    public static io.helidon.webserver.http.DirectHandlers earlyRefusals() {
        return EarlyRefusals.all();
    }

    /** Health (with the grid's member count) and metrics, as every server of the API exposes them. */
    public static ObserveFeature observe(HazelcastInstance grid) {
        return ObserveFeature.builder()
                .addObserver(HealthObserver.builder()
                        .details(true)
                        .addCheck(new GridHealth(grid))
                        .build())
                .addObserver(MetricsObserver.create())
                .build();
    }

    /**
     * The grid connection an embedding server needs for {@link #mount}: the benchmarks serve the API beside
     * their baselines from one Helidon server, so that all of them pay for the same HTTP layer.
     */
    public static HazelcastInstance connect(Config config) {
        return GridClient.connect(config.get("flock.grid"));
    }

    /** Mounts the REST API v1 with the settings under {@code flock} in the given configuration. */
    public static void mount(HttpRouting.Builder routing, HazelcastInstance grid, Config config) {
        long slowRequestMillis =
                config.get("flock.diagnostics.slow-request-millis").asLong().orElse(0L);
        if (slowRequestMillis > 0) { // first, so that it times the other filters too
            routing.addFilter(new SlowRequests(Duration.ofMillis(slowRequestMillis)));
            grid = GridCallTrace.traced(grid);
        }
        routing(routing, grid, ApiSettings.from(config.get("flock")));
    }

    private static final AtomicBoolean MAPPERS_PINNED = new AtomicBoolean();

    /**
     * Helidon asks its service registry for the mapper manager each time it matches a route with a path parameter
     * ({@code /users/{id}/timeline}) unless a global one is set: 8% of the API node's samples on a home page (a profile
     * of the home-pages benchmark; the CPU a page saved was within the spread of runs). The one the registry answers
     * is set once, so that each match reads a field. The setter is deprecated for removal, with no replacement yet:
     * when it goes, this goes, at that cost. It warns that the registry's instance was used already; it is that same
     * instance, so the warning is kept out of the log.
     */
    @SuppressWarnings("removal")
    private static void pinMappers() {
        if (!MAPPERS_PINNED.compareAndSet(false, true)) {
            return;
        }
        Logger setter = Logger.getLogger("io.helidon.common.mapper.GlobalManager");
        Level before = setter.getLevel();
        setter.setLevel(Level.SEVERE);
        try {
            MapperManager.global(MapperManager.global());
        } finally {
            setter.setLevel(before);
        }
    }

    /** Mounts the REST API v1, the admin view and the web client at {@code /}, over the given grid connection. */
    static void routing(HttpRouting.Builder routing, HazelcastInstance grid, ApiSettings settings) {
        pinMappers();
        ApiServices api = ApiServices.wire(grid, settings);
        Problems.register(routing);
        RequestMetrics metrics = new RequestMetrics();
        routing.addFilter(metrics)
                .addFilter(new RateLimitFilter(
                        api.accounts(), new RateLimiter(grid, settings.limits()), settings.limits(), metrics))
                .register(
                        "/api/v1/users",
                        new UsersApi(
                                api.accounts(),
                                api.graph(),
                                api.tweets(),
                                api.homeFeed(),
                                api.likes(),
                                api.views(),
                                api.visibility()))
                .register(
                        "/api/v1/users",
                        new SafetyApi(api.accounts(), api.graph(), api.blocks(), api.mutes(), api.views()))
                .register(
                        "/api/v1/tweets",
                        new TweetsApi(
                                api.accounts(),
                                api.tweets(),
                                api.likes(),
                                api.replies(),
                                api.reposts(),
                                api.views(),
                                api.visibility()))
                .register(
                        "/api/v1/notifications",
                        new NotificationsApi(
                                api.accounts(),
                                api.notifications(),
                                api.notificationPages(),
                                api.likes(),
                                api.visibility()))
                .register("/api/v1/streaming", new StreamingApi(api.accounts(), api.streams()))
                .register("/api/v1/media", new MediaApi(api.accounts(), api.media()))
                .register("/admin", new AdminApi(grid, settings.adminToken()))
                .register(new WebClientFiles());
    }
}
