package flock.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The chart, linted strictly and rendered with several value sets, checked object by object. */
class ChartTest {

    static Stream<Arguments> valueSets() {
        return Stream.of(
                Arguments.of("defaults", Optional.empty()),
                Arguments.of("production", Optional.of("values-production.yaml")),
                Arguments.of("small", Optional.of("values-small.yaml")));
    }

    @Test
    void should_pass_helms_strict_lint() {
        LintResult lint = new Helm(Chart.DIRECTORY).lint().strict().call();

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void should_render_only_fields_that_kubernetes_knows(String name, Optional<String> values) {
        Chart chart = Chart.render(values, Map.of());

        assertThat(chart.objects()).hasSizeGreaterThanOrEqualTo(9);
        for (HasMetadata object : chart.objects()) {
            assertThat(UnknownFields.of(object))
                    .as(object.getKind() + "/" + object.getMetadata().getName())
                    .isEmpty();
            assertThat(object.getMetadata().getLabels())
                    .as(object.getKind() + "/" + object.getMetadata().getName())
                    .containsEntry("app.kubernetes.io/instance", Chart.RELEASE);
        }
    }

    @Test
    void should_run_members_as_a_stateful_set_found_through_a_headless_service() {
        Chart chart = Chart.render();

        StatefulSet members = chart.one(StatefulSet.class, "flock-member");
        Service headless = chart.one(Service.class, "flock-members");
        assertThat(members.getSpec().getReplicas()).isEqualTo(3);
        assertThat(members.getSpec().getServiceName()).isEqualTo("flock-members");
        assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(headless.getSpec().getPublishNotReadyAddresses()).isTrue();
        assertThat(headless.getSpec().getType())
                .as("never exposed outside the cluster")
                .isNull();
        Container member =
                members.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(env(member, "HZ_NETWORK_JOIN_KUBERNETES_SERVICE-DNS"))
                .isEqualTo("flock-members.social.svc.cluster.local");
        assertThat(member.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/ready");
        assertThat(members.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                .as("time to flush write-behind queues and migrate partitions")
                .isGreaterThanOrEqualTo(300);
        assertThat(chart.one(PodDisruptionBudget.class, "flock-member")
                        .getSpec()
                        .getMaxUnavailable()
                        .getIntVal())
                .isEqualTo(1);
    }

    @Test
    void should_point_the_api_nodes_at_every_member_and_scale_them_on_cpu() {
        Chart chart = Chart.render();

        Container api = apiContainer(chart);
        assertThat(env(api, "FLOCK_GRID_ADDRESSES").split(","))
                .containsExactly(
                        "flock-member-0.flock-members.social.svc:5701",
                        "flock-member-1.flock-members.social.svc:5701",
                        "flock-member-2.flock-members.social.svc:5701");
        assertThat(env(api, "FLOCK_GRID_CLUSTER_dash_NAME")).isEqualTo("flock");
        assertThat(chart.one(HorizontalPodAutoscaler.class, "flock-api")
                        .getSpec()
                        .getMaxReplicas())
                .isEqualTo(20);
        assertThat(chart.find(Ingress.class, "flock-api"))
                .as("no Ingress unless asked")
                .isEmpty();
    }

    @Test
    void should_admit_only_api_and_member_pods_to_the_member_port() {
        NetworkPolicy policy = Chart.render().one(NetworkPolicy.class, "flock-members");

        var memberPortRule = policy.getSpec().getIngress().get(0);
        assertThat(memberPortRule.getPorts())
                .singleElement()
                .satisfies(port -> assertThat(port.getPort().getIntVal()).isEqualTo(5701));
        assertThat(memberPortRule.getFrom())
                .extracting(peer -> peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/component"))
                .containsExactlyInAnyOrder("api", "member");
    }

    @Test
    void should_take_credentials_from_secrets_and_use_ones_own_when_named() {
        Chart defaults = Chart.render(Optional.empty(), Map.of("cassandra.username", "flock"));
        Chart production = Chart.render(Optional.of("values-production.yaml"), Map.of());

        assertThat(defaults.one(Secret.class, "flock-cassandra").getStringData())
                .containsEntry("username", "flock");
        assertThat(production.all(Secret.class))
                .as("the release's own Secrets are not made")
                .isEmpty();
        Container member = production
                .one(StatefulSet.class, "flock-member")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
        EnvVar password = member.getEnv().stream()
                .filter(variable -> variable.getName().equals("FLOCK_CASSANDRA_PASSWORD"))
                .findFirst()
                .orElseThrow();
        assertThat(password.getValue()).as("never inline").isNull();
        assertThat(password.getValueFrom().getSecretKeyRef().getName()).isEqualTo("flock-cassandra-login");
        assertThat(production.one(Ingress.class, "flock-api").getSpec().getTls())
                .hasSize(1);
        assertThat(production.find(HorizontalPodAutoscaler.class, "flock-api")).isEmpty();
        assertThat(production.one(Deployment.class, "flock-api").getSpec().getReplicas())
                .isEqualTo(4);
    }

    @Test
    void should_test_the_member_count_through_the_api_in_its_helm_test() throws Exception {
        Chart hooks = Chart.renderTestHooks(Optional.of("values-small.yaml"));
        Pod test = hooks.one(Pod.class, "flock-test-members");

        assertThat(hooks.objects()).hasSize(1);
        assertThat(UnknownFields.of(test)).isEmpty();
        assertThat(java.nio.file.Files.readString(Chart.DIRECTORY.resolve("templates/tests/test-members.yaml")))
                .contains("helm.sh/hook: test");
        assertThat(String.join(" ", test.getSpec().getContainers().get(0).getCommand()))
                .contains("http://flock-api:80/observe/health")
                .contains("\"members\":2");
    }

    @Test
    void should_ship_the_grafana_dashboard_as_a_config_map_the_sidecar_finds() throws Exception {
        io.fabric8.kubernetes.api.model.ConfigMap dashboard =
                Chart.render().one(io.fabric8.kubernetes.api.model.ConfigMap.class, "flock-grafana-dashboard");

        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        var json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dashboard.getData().get("flock.json"));
        assertThat(json.get("title").asText()).isEqualTo("Flock");
        assertThat(json.get("panels")).hasSizeGreaterThanOrEqualTo(10);
        for (var panel : json.get("panels")) {
            assertThat(panel.get("targets").get(0).get("expr").asText())
                    .as(panel.get("title").asText())
                    .isNotBlank();
        }
    }

    @Test
    void should_sign_media_urls_for_the_public_address_when_one_is_given() {
        Container byDefault = apiContainer(Chart.render());
        Container withPublic = apiContainer(
                Chart.render(Optional.empty(), Map.of("objectStorage.publicEndpoint", "https://media.example.org")));

        assertThat(byDefault.getEnv())
                .as("no public address: the endpoint itself")
                .noneMatch(variable -> variable.getName().equals("FLOCK_MEDIA_PUBLIC_dash_ENDPOINT"));
        assertThat(env(withPublic, "FLOCK_MEDIA_PUBLIC_dash_ENDPOINT")).isEqualTo("https://media.example.org");
        assertThat(env(withPublic, "FLOCK_MEDIA_ENDPOINT")).isEqualTo("http://minio:9000");
        assertThat(env(byDefault, "FLOCK_LIMITS_UPLOADS_REQUESTS")).isEqualTo("30");
        assertThat(env(byDefault, "FLOCK_LIMITS_UPLOADS_PERIOD")).isEqualTo("PT30M");
    }

    private static Container apiContainer(Chart chart) {
        return chart.one(Deployment.class, "flock-api")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
    }

    static String env(Container container, String name) {
        List<EnvVar> matches = container.getEnv().stream()
                .filter(variable -> variable.getName().equals(name))
                .toList();
        assertThat(matches).as("env " + name).hasSize(1);
        return matches.get(0).getValue();
    }
}
