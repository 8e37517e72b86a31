package flock.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chart rendered as `helm template` would render it (helm-java runs Helm's own code in process: no binary, no
 * cluster), parsed into Kubernetes' typed model.
 */
final class Chart {
    /** The chart, beside this module's pom. */
    static final Path DIRECTORY = Path.of("flock");

    static final String RELEASE = "flock";
    static final String NAMESPACE = "social";

    private static final KubernetesSerialization YAML = new KubernetesSerialization();

    private final List<HasMetadata> objects;

    private Chart(List<HasMetadata> objects) {
        this.objects = objects;
    }

    /** Renders the chart with values.yaml alone. */
    static Chart render() {
        return render(Optional.empty(), Map.of());
    }

    /**
     * Renders the chart with a values file of the tests' (src/test/resources) and these values (dotted keys, as
     * `--set` takes them) over values.yaml.
     */
    static Chart render(Optional<String> valuesFile, Map<String, Object> values) {
        TemplateCommand template =
                new Helm(DIRECTORY).template().withName(RELEASE).withNamespace(NAMESPACE);
        valuesFile.ifPresent(file -> template.withValuesFile(Path.of("src", "test", "resources", file)));
        values.forEach(template::set);
        return new Chart(parse(template.call()));
    }

    /**
     * Renders the chart's `helm test` hooks as ordinary objects. Helm leaves hooks out of what `template` returns
     * (they are kept apart for the install to run), so this renders a copy of the chart whose hook annotations are
     * taken out, and answers what that adds.
     */
    static Chart renderTestHooks(Optional<String> valuesFile) throws java.io.IOException {
        Path copy = java.nio.file.Files.createTempDirectory("flock-chart");
        try (var files = java.nio.file.Files.walk(DIRECTORY)) {
            for (Path source : files.toList()) {
                Path target = copy.resolve(DIRECTORY.relativize(source).toString());
                if (java.nio.file.Files.isDirectory(source)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    java.nio.file.Files.copy(source, target); // follows files/hazelcast.yaml's link
                }
            }
        }
        Path hooks = copy.resolve("templates").resolve("tests");
        try (var files = java.nio.file.Files.list(hooks)) {
            for (Path hook : files.toList()) {
                String text = java.nio.file.Files.readString(hook);
                java.nio.file.Files.writeString(hook, text.replaceAll("(?m)^\\s*helm\\.sh/hook.*$", ""));
            }
        }
        TemplateCommand template = new Helm(copy).template().withName(RELEASE).withNamespace(NAMESPACE);
        valuesFile.ifPresent(file -> template.withValuesFile(
                Path.of("src", "test", "resources", file).toAbsolutePath()));
        List<HasMetadata> all = parse(template.call());
        List<String> ordinary = render(valuesFile, Map.of()).objects.stream()
                .map(object -> object.getKind() + "/" + object.getMetadata().getName())
                .toList();
        return new Chart(all.stream()
                .filter(object -> !ordinary.contains(
                        object.getKind() + "/" + object.getMetadata().getName()))
                .toList());
    }

    static List<HasMetadata> parse(String manifests) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : manifests.split("(?m)^---\\s*$")) {
            if (document.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("#"))) {
                continue;
            }
            objects.add(YAML.unmarshal(document));
        }
        return objects;
    }

    List<HasMetadata> objects() {
        return objects;
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
        return all(kind).stream()
                .filter(object -> object.getMetadata().getName().equals(name))
                .findFirst();
    }

    <T extends HasMetadata> T one(Class<T> kind, String name) {
        return find(kind, name)
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " named " + name + " in "
                        + objects.stream()
                                .map(o -> o.getKind() + "/" + o.getMetadata().getName())
                                .toList()));
    }
}
