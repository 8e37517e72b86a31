package flock.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The member configuration the chart renders, loaded by Hazelcast's own config loader the way a member pod loads it:
 * the ConfigMap's hazelcast.yaml, with the StatefulSet's environment (Hazelcast's HZ_ overrides and Flock's
 * settings), in a JVM of its own that has that environment.
 */
class RenderedMemberConfigTest {
    private static final String POD_IP = "10.244.1.7";

    @Test
    void should_load_as_a_kubernetes_member_bound_to_its_pod_address(@TempDir Path dir) throws Exception {
        Chart chart = Chart.render(Optional.of("values-production.yaml"), Map.of());
        Path yaml = dir.resolve("hazelcast.yaml");
        Files.writeString(
                yaml,
                chart.one(ConfigMap.class, "flock-member-config").getData().get("hazelcast.yaml"));
        Container member = chart.one(StatefulSet.class, "flock-member")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
        Map<String, String> environment = podEnvironment(member.getEnv());
        environment.put("FLOCK_HAZELCAST_CONFIG", yaml.toString()); // where the pod mounts the ConfigMap

        Map<String, String> loaded = loadInOwnJvm(environment);

        assertThat(loaded)
                .containsEntry("cluster-name", "flock")
                .containsEntry("port", "5701")
                .containsEntry("interfaces", "[" + POD_IP + "]")
                .containsEntry("tcp-ip.enabled", "false")
                .containsEntry("kubernetes.enabled", "true")
                .containsEntry("kubernetes.service-dns", "flock-members.social.svc.cluster.local")
                .containsEntry("tweets.write-batch-size", "100"); // the project's, not Hazelcast's default of 1
        assertThat(loaded.get("maps").split(","))
                .as("every map of the top-level hazelcast.yaml")
                .contains("users", "tweets", "home_timelines", "following", "followers", "rate_limits");
    }

    /** The container's environment as the kubelet would give it: fields, secrets and $(VAR) references resolved. */
    private static Map<String, String> podEnvironment(List<EnvVar> variables) {
        Map<String, String> environment = new HashMap<>();
        for (EnvVar variable : variables) {
            String value;
            if (variable.getValueFrom() == null) {
                value = variable.getValue().replace("$(POD_IP)", POD_IP);
            } else if (variable.getValueFrom().getFieldRef() != null) {
                assertThat(variable.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("status.podIP");
                value = POD_IP;
            } else {
                value = "from-secret-"
                        + variable.getValueFrom().getSecretKeyRef().getKey();
            }
            environment.put(variable.getName(), value);
        }
        return environment;
    }

    private static Map<String, String> loadInOwnJvm(Map<String, String> environment) throws Exception {
        ProcessBuilder java = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dhazelcast.logging.type=none",
                PrintMemberConfig.class.getName());
        java.environment().clear();
        java.environment().putAll(environment);
        java.redirectErrorStream(true);
        Process process = java.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines()
                .filter(line -> line.contains("="))
                .collect(Collectors.toMap(
                        line -> line.substring(0, line.indexOf('=')),
                        line -> line.substring(line.indexOf('=') + 1),
                        (first, second) -> second));
    }
}
