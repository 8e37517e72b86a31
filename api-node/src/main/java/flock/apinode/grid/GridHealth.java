package flock.apinode.grid;

import com.hazelcast.core.HazelcastInstance;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/** Readiness: the API node can serve only while its grid client is connected to at least one member. */
public final class GridHealth implements HealthCheck {
    private final HazelcastInstance grid;

    public GridHealth(HazelcastInstance grid) {
        this.grid = grid;
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return "grid";
    }

    @Override
    public HealthCheckResponse call() {
        boolean running = grid.getLifecycleService().isRunning();
        int members = running ? grid.getCluster().getMembers().size() : 0;
        return HealthCheckResponse.builder()
                .status(running && members > 0)
                .detail("members", members)
                .build();
    }
}
