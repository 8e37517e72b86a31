package flock.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import flock.image.ImageBuilder;
import flock.testkit.CassandraServer;
import flock.testkit.FlockClient;
import flock.testkit.FreePorts;
import flock.testkit.JvmProcess;
import flock.testkit.ProjectLayout;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The container image, built as {@code ./flock image} builds it and checked as a container runtime would use it: its
 * manifest, config and layers read from the OCI tarball, its layers unpacked in order into a root file system, and a
 * grid member and an API node started from that root alone (chroot, the image's user, a /proc of their own) against
 * the test Cassandra, until both report ready and the API takes a sign-up and a tweet.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageIT {
    private static final List<String> LAYERS = List.of("system", "java-runtime", "dependencies", "flock", "launch");
    private static final Duration START = Duration.ofMinutes(3);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path dir = ProjectLayout.scratch("image");
    private ImageBuilder.Built built;
    private JsonObject config;
    private List<Path> layers;
    private final List<JvmProcess> started = new ArrayList<>();

    @BeforeAll
    void build() throws Exception {
        built = ImageBuilder.build(ProjectLayout.root(), dir.resolve("flock-image.tar"), null);
        System.out.printf(
                "image %s: %,d MB, built in %.1f s%n",
                built.name(), Files.size(built.tarball()) >> 20, built.millis() / 1000.0);
        Path oci = Files.createDirectories(dir.resolve("oci"));
        run(List.of(
                "tar", "--warning=no-unknown-keyword", "-xf", built.tarball().toString(), "-C", oci.toString()));
        JsonObject index = json(oci.resolve("index.json"));
        JsonObject manifest =
                json(blob(oci, index.getJsonArray("manifests").getJsonObject(0).getString("digest")));
        config = json(blob(oci, manifest.getJsonObject("config").getString("digest")));
        layers = new ArrayList<>();
        for (JsonObject layer : manifest.getJsonArray("layers").getValuesAs(JsonObject.class)) {
            Path file = blob(oci, layer.getString("digest"));
            assertThat("sha256:" + sha256(file)).as("layer digest").isEqualTo(layer.getString("digest"));
            layers.add(file);
        }
    }

    @AfterAll
    void stop() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).stop();
        }
    }

    @Test
    void should_start_as_java_with_the_member_args_by_default() {
        JsonObject container = config.getJsonObject("config");
        assertThat(strings(container.getJsonArray("Entrypoint"))).containsExactly("/opt/java/bin/java");
        assertThat(strings(container.getJsonArray("Cmd"))).containsExactly("@/opt/flock/member.args");
        assertThat(container.getString("WorkingDir")).isEqualTo("/opt/flock");
        assertThat(built.name()).startsWith("flock:");
    }

    @Test
    void should_run_as_an_unprivileged_user() {
        String user = config.getJsonObject("config").getString("User");
        assertThat(user).isEqualTo("10001:10001");
        assertThat(Integer.parseInt(user.substring(0, user.indexOf(':'))))
                .as("uid")
                .isNotZero();
    }

    @Test
    void should_layer_what_changes_least_first() {
        List<String> comments = new ArrayList<>();
        for (JsonObject step : config.getJsonArray("history").getValuesAs(JsonObject.class)) {
            comments.add(step.getString("comment"));
        }
        assertThat(comments).isEqualTo(LAYERS);
        assertThat(config.getJsonObject("rootfs").getJsonArray("diff_ids")).hasSize(LAYERS.size());
        assertThat(layers).hasSize(LAYERS.size());
    }

    @Test
    void should_run_a_member_and_an_api_node_from_the_unpacked_image_alone() throws Exception {
        Path root = unpack();
        CassandraServer cassandra = CassandraServer.shared();
        int memberPort = FreePorts.next();
        int metricsPort = FreePorts.next();
        int apiPort = FreePorts.next();
        String cluster = "image-" + ProcessHandle.current().pid();

        long memberStart = System.nanoTime();
        JvmProcess member = startFromImage(
                root,
                "member.args",
                "-Dflock.cluster-name=" + cluster
                        + " -Dflock.member.port=" + memberPort + " -Dflock.metrics.port=" + metricsPort
                        + " -Dflock.members=127.0.0.1:" + memberPort
                        + " -Dflock.cassandra.contact-points=" + cassandra.contactPoint()
                        + " -Dflock.cassandra.keyspace=flock_image");
        member.awaitWhileAlive(
                START,
                "the member from the image is ready",
                () -> status("http://127.0.0.1:" + metricsPort + "/health/ready") == 200);
        long memberReady = System.nanoTime();

        JvmProcess api = startFromImage(
                root,
                "api.args",
                "-Dserver.port=" + apiPort + " -Dflock.grid.cluster-name=" + cluster
                        + " -Dflock.grid.addresses=127.0.0.1:" + memberPort);
        api.awaitWhileAlive(
                START,
                "the API node from the image is ready",
                () -> status("http://127.0.0.1:" + apiPort + "/observe/health/ready") == 200);
        long apiReady = System.nanoTime();
        System.out.printf(
                "from the image: member ready %d ms after its start, API node %d ms after its own%n",
                (memberReady - memberStart) / 1_000_000, (apiReady - memberReady) / 1_000_000);

        FlockClient client = new FlockClient(URI.create("http://127.0.0.1:" + apiPort));
        FlockClient.Account account = client.signUp(Handles.fresh("image"));
        String tweet = client.tweetId(account, "from the image");
        assertThat(client.get("/api/v1/tweets/" + tweet, null).string("text")).isEqualTo("from the image");
    }

    @Test
    void should_be_what_the_helm_chart_runs_by_default() throws IOException {
        Path chart = ProjectLayout.root().resolve("helm/flock");
        String values = Files.readString(chart.resolve("values.yaml"));
        String appVersion = Files.readAllLines(chart.resolve("Chart.yaml")).stream()
                .filter(line -> line.startsWith("appVersion:"))
                .map(line -> line.substring("appVersion:".length()).strip().replace("\"", ""))
                .findFirst()
                .orElseThrow();
        assertThat(built.name()).isEqualTo("flock:" + appVersion);
        assertThat(values)
                .contains("  repository: flock\n")
                .contains("command: [\"/opt/java/bin/java\", \"@/opt/flock/member.args\"]")
                .contains("command: [\"/opt/java/bin/java\", \"@/opt/flock/api.args\"]");
    }

    /** The image's layers unpacked in order, as a container runtime lays them, with an empty /proc to mount on. */
    private Path unpack() throws IOException {
        Path root = dir.resolve("rootfs");
        run(List.of("rm", "-rf", root.toString()));
        Files.createDirectories(root);
        for (Path layer : layers) {
            // Jib writes PAX headers GNU tar does not know (LIBARCHIVE.creationtime): harmless, so unreported.
            run(List.of("tar", "--warning=no-unknown-keyword", "-xzf", layer.toString(), "-C", root.toString()));
        }
        Files.createDirectories(root.resolve("proc"));
        return root;
    }

    /**
     * Starts the image's entrypoint with one of its @argfiles in the unpacked root, as the image's user and with a
     * /proc of its own (a new mount and PID namespace, as a container has): only the image's files are used. JVM
     * options come in JAVA_TOOL_OPTIONS, as the Helm chart passes them; no other variable of the test's reaches it.
     */
    private JvmProcess startFromImage(Path root, String argsFile, String javaOptions) {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("starting the image's files needs root (chroot and namespaces)");
        }
        List<String> command = List.of(
                "unshare",
                "--mount",
                "--pid",
                "--fork",
                "--kill-child=SIGTERM",
                "--mount-proc=" + root.resolve("proc"),
                "chroot",
                "--userspec=10001:10001",
                root.toString(),
                "/opt/java/bin/java",
                "@/opt/flock/" + argsFile);
        JvmProcess process = JvmProcess.run(
                "image " + argsFile,
                command,
                Map.of(
                        "PATH", "/opt/java/bin:/usr/sbin:/usr/bin:/sbin:/bin", // unshare and chroot run before the
                        // image's java
                        "JAVA_HOME", "/opt/java",
                        "JAVA_TOOL_OPTIONS", "-Xmx512m -XX:+UseSerialGC " + javaOptions),
                dir.resolve(argsFile.replace(".args", ".log")));
        started.add(process);
        return process;
    }

    private static int status(String url) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static Path blob(Path oci, String digest) {
        return oci.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
    }

    private static JsonObject json(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Json.createReader(in).readObject();
        }
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void run(List<String> command) throws IOException {
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
