package flock.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project's files are, seen from a test JVM (failsafe passes {@code flock.project.dir}). */
public final class ProjectLayout {
    private ProjectLayout() {}

    /** The JDK options every JVM embedding Hazelcast needs on JDK 21+, as a java @argfile. */
    public static String hazelcastJvmOptions() {
        return "@" + root().resolve("infra/hazelcast-jvm.options");
    }

    public static Path root() {
        String configured = System.getProperty("flock.project.dir");
        if (configured != null && Files.isDirectory(Path.of(configured, "infra"))) {
            return Path.of(configured).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("infra"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "cannot find the Flock project root above " + Path.of("").toAbsolutePath());
    }

    /** The java binary of the running JVM: tests run on JDK 21+, as Flock's JVMs need. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The packaged jar of a module plus its runtime dependencies, as the module's build wrote them. */
    public static String classpath(String module) {
        Path target = root().resolve(module).resolve("target");
        Path classpathFile = target.resolve("classpath.txt");
        if (!Files.exists(classpathFile)) {
            throw new IllegalStateException(classpathFile + " is missing: build with ./mvnw package first");
        }
        try (var jars = Files.list(target)) {
            Path jar = jars.filter(p -> p.getFileName().toString().matches("flock-.*-SNAPSHOT\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no packaged jar in " + target));
            return jar
                    + java.io.File.pathSeparator
                    + Files.readString(classpathFile).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A scratch directory under the calling module's target/. */
    public static Path scratch(String name) {
        Path dir = Path.of("target", "it-run", name).toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return dir;
    }
}
