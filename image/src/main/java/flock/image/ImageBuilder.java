package flock.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds Flock's image, one for grid members and API nodes, as an OCI tarball: no base image and no daemon. Its
 * layers go from what changes least to what changes on every build: the C library, the Java runtime, third-party jars,
 * Flock's own jars, and the two @argfiles that start a role. It runs as an unprivileged user.
 *
 * <p>Usage: {@code ImageBuilder --project DIR [--output FILE] [--name NAME:TAG]}; {@code ./flock image} runs it.
 */
public final class ImageBuilder {
    /** Where Flock's files live in the image; the working directory. */
    static final String HOME = "/opt/flock";

    static final String JAVA_HOME = "/opt/java";

    /** The user the nodes run as: not root, and no account a host shares by accident. */
    static final String USER = "10001:10001";

    /** The image's repository name; the Helm chart's default image.repository. */
    static final String REPOSITORY = "flock";

    private static final Pattern VERSION = Pattern.compile("flock-grid-node-(.+)\\.jar");

    private ImageBuilder() {}

    /** What was built: the tarball, the image's name, and how long it took. */
    public record Built(Path tarball, String name, long millis) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path project = Path.of(options.getOrDefault("--project", ".")).toAbsolutePath();
        Path output = Path.of(options.getOrDefault(
                "--output", project.resolve("image/target/flock-image.tar").toString()));
        Built built = build(project, output, options.get("--name"));
        System.out.printf(
                "flock image: %s written to %s (%,d MB) in %.1f s%n",
                built.name(), built.tarball(), Files.size(built.tarball()) >> 20, built.millis() / 1000.0);
    }

    /**
     * Builds the image from the jars of the project's last build (its grid-node and api-node modules' target/) and
     * writes it to {@code output}; {@code name} defaults to flock:VERSION.
     */
    public static Built build(Path project, Path output, String name) throws Exception {
        long started = System.nanoTime();
        String imageName = name != null ? name : REPOSITORY + ":" + version(project);
        Path work = output.resolveSibling("image-build");
        Files.createDirectories(work);
        Path runtime = JavaRuntime.link(Path.of(System.getProperty("java.home")), work.resolve("java-runtime"));
        Map<Role, List<Path>> classpaths = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            classpaths.put(role, classpath(project, role.module));
        }
        JibContainerBuilder image = Jib.fromScratch()
                .setFormat(ImageFormat.OCI)
                .addFileEntriesLayer(system(work, JavaRuntime.cLibrary(runtime)))
                .addFileEntriesLayer(directory("java-runtime", runtime, JAVA_HOME))
                .addFileEntriesLayer(jars("dependencies", classpaths, false))
                .addFileEntriesLayer(jars("flock", classpaths, true))
                .addFileEntriesLayer(argsFiles(project, work, classpaths))
                .setEntrypoint(JAVA_HOME + "/bin/java")
                .setProgramArguments("@" + HOME + "/" + Role.MEMBER.argsFile)
                .setUser(USER)
                .setWorkingDirectory(AbsoluteUnixPath.get(HOME))
                .setEnvironment(Map.of("JAVA_HOME", JAVA_HOME, "PATH", JAVA_HOME + "/bin"))
                .setExposedPorts(Set.of(Port.tcp(5701), Port.tcp(9701), Port.tcp(8080)))
                .addLabel("org.opencontainers.image.title", "Flock")
                .addLabel("org.opencontainers.image.description", "Flock grid member (default) and API node")
                .addLabel("org.opencontainers.image.version", imageName.substring(imageName.lastIndexOf(':') + 1));
        Files.createDirectories(output.toAbsolutePath().getParent());
        image.containerize(Containerizer.to(TarImage.at(output).named(reference(imageName)))
                .setBaseImageLayersCache(work.resolve("jib-cache"))
                .setApplicationLayersCache(work.resolve("jib-cache"))
                .setOfflineMode(true));
        return new Built(output, imageName, (System.nanoTime() - started) / 1_000_000);
    }

    /** The C library at the paths the runtime looks for it, the nodes' user, and a /tmp that user owns. */
    private static FileEntriesLayer system(Path work, List<Path> cLibrary) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("system");
        for (Path library : cLibrary) {
            layer.addEntry(
                    library.toRealPath(), AbsoluteUnixPath.fromPath(library), FilePermissions.fromOctalString("755"));
        }
        Path etc = Files.createDirectories(work.resolve("etc"));
        Files.writeString(
                etc.resolve("passwd"),
                "root:x:0:0:root:/root:/sbin/nologin\nflock:x:10001:10001:Flock:" + HOME + ":/sbin/nologin\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\nflock:x:10001:\n");
        layer.addEntry(etc.resolve("passwd"), AbsoluteUnixPath.get("/etc/passwd"));
        layer.addEntry(etc.resolve("group"), AbsoluteUnixPath.get("/etc/group"));
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        layer.addEntry(new FileEntry(
                tmp,
                AbsoluteUnixPath.get("/tmp"),
                FilePermissions.fromOctalString("700"),
                Instant.ofEpochSecond(1),
                USER));
        return layer.build();
    }

    /** A directory copied whole, each file keeping its permissions (the runtime's binaries stay executable). */
    private static FileEntriesLayer directory(String name, Path source, String target) throws IOException {
        return FileEntriesLayer.builder()
                .setName(name)
                .addEntryRecursive(source, AbsoluteUnixPath.get(target), (file, inImage) -> permissions(file))
                .build();
    }

    /** Every jar the roles run, each once: Flock's own under app/, the rest under lib/. */
    private static FileEntriesLayer jars(String name, Map<Role, List<Path>> classpaths, boolean flocksOwn) {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
        Set<String> added = new java.util.HashSet<>();
        for (List<Path> classpath : classpaths.values()) {
            for (Path jar : classpath) {
                if (isFlocks(jar) == flocksOwn && added.add(jar.getFileName().toString())) {
                    layer.addEntry(jar, AbsoluteUnixPath.get(inImage(jar)));
                }
            }
        }
        return layer.build();
    }

    /**
     * One @argfile per role: the JDK options Hazelcast needs (the project's own file), headless, no phone-home, and
     * the role's classpath and main class. The JVM options a deployment adds come from JAVA_TOOL_OPTIONS.
     */
    private static FileEntriesLayer argsFiles(Path project, Path work, Map<Role, List<Path>> classpaths)
            throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("launch");
        String jvmOptions = Files.readString(project.resolve("infra/hazelcast-jvm.options"), StandardCharsets.UTF_8);
        for (Role role : Role.values()) {
            List<String> entries = new ArrayList<>();
            classpaths.get(role).forEach(jar -> entries.add(inImage(jar)));
            String args = jvmOptions.strip() + "\n-Djava.awt.headless=true\n-Dhazelcast.phone.home.enabled=false\n"
                    + "-cp " + String.join(":", entries) + "\n" + role.mainClass + "\n";
            Path file = work.resolve(role.argsFile);
            Files.writeString(file, args, StandardCharsets.UTF_8);
            layer.addEntry(file, AbsoluteUnixPath.get(HOME + "/" + role.argsFile));
        }
        return layer.build();
    }

    /** The module's jar and its runtime dependencies, as its build wrote them to target/classpath.txt. */
    static List<Path> classpath(Path project, String module) throws IOException {
        Path target = project.resolve(module).resolve("target");
        Path classpathFile = target.resolve("classpath.txt");
        if (!Files.exists(classpathFile)) {
            throw new IllegalStateException(classpathFile + " is missing: build the project first (./flock build)");
        }
        List<Path> jars = new ArrayList<>();
        try (var files = Files.list(target)) {
            files.filter(path -> path.getFileName().toString().matches("flock-.*\\.jar"))
                    .forEach(jars::add);
        }
        if (jars.size() != 1) {
            throw new IllegalStateException("expected one packaged jar in " + target + ", found " + jars);
        }
        for (String entry : Files.readString(classpathFile).strip().split(java.io.File.pathSeparator)) {
            jars.add(Path.of(entry));
        }
        return jars;
    }

    private static String inImage(Path jar) {
        return HOME + (isFlocks(jar) ? "/app/" : "/lib/") + jar.getFileName();
    }

    /** A jar the project built (a module's target/), as opposed to one from the Maven repository. */
    private static boolean isFlocks(Path jar) {
        return jar.getFileName().toString().startsWith("flock-")
                && jar.getParent().endsWith("target");
    }

    private static String version(Path project) throws IOException {
        try (var files = Files.list(project.resolve("grid-node/target"))) {
            for (Path file : files.toList()) {
                Matcher matcher = VERSION.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    return matcher.group(1);
                }
            }
        }
        throw new IllegalStateException("no grid-node jar in " + project + ": build the project first (./flock build)");
    }

    private static FilePermissions permissions(Path file) {
        try {
            Set<PosixFilePermission> posix = Files.getPosixFilePermissions(file);
            return FilePermissions.fromPosixFilePermissions(posix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ImageReference reference(String name) {
        try {
            return ImageReference.parse(name);
        } catch (InvalidImageReferenceException e) {
            throw new IllegalArgumentException("not an image name: " + name, e);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!Set.of("--project", "--output", "--name").contains(args[i]) || i + 1 == args.length) {
                throw new IllegalArgumentException(
                        "usage: ImageBuilder --project DIR [--output FILE] [--name NAME:TAG]; got " + args[i]);
            }
            options.put(args[i], args[++i]);
        }
        return options;
    }
}
