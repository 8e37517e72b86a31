package flock.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The image's Java runtime, linked by jlink from the JDK that runs the build, and the C library files it loads. The
 * image has no base: what the runtime needs from the system is found by ldd on its own binaries and copied from this
 * machine, the way a distroless image carries glibc and nothing else.
 */
final class JavaRuntime {
    /**
     * The runtime's modules: the whole Java SE platform (Hazelcast resolves it, and java.beans lives in java.desktop),
     * plus the JDK modules the nodes use: sun.misc.Unsafe, the management beans behind the metrics, DNS lookups for
     * Kubernetes discovery, and JFR for profiling a live member.
     */
    static final List<String> MODULES = List.of(
            "java.se",
            "jdk.unsupported",
            "jdk.management",
            "jdk.management.jfr",
            "jdk.jfr",
            "jdk.naming.dns",
            "jdk.httpserver",
            "jdk.zipfs",
            "jdk.crypto.ec");

    /**
     * The C library's files the runtime's server code links against. Its desktop libraries (AWT, sound) would need X11
     * as well; a headless server never loads them, so their dependencies stay out of the image.
     */
    private static final Set<String> C_LIBRARY =
            Set.of("libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "ld-linux-x86-64.so.2");

    private JavaRuntime() {}

    /** Links the runtime into {@code output} (replacing what is there) from the JDK at {@code jdk}. */
    static Path link(Path jdk, Path output) {
        deleteRecursively(output);
        run(List.of(
                jdk.resolve("bin/jlink").toString(),
                "--add-modules",
                String.join(",", MODULES),
                "--strip-debug",
                "--no-man-pages",
                "--no-header-files",
                "--output",
                output.toString()));
        return output;
    }

    /**
     * The C library files the runtime needs, as the absolute paths ldd resolves them to on this machine (the image
     * puts each at the same path). The dynamic loader comes first.
     */
    static List<Path> cLibrary(Path runtime) {
        List<String> command =
                new ArrayList<>(List.of("ldd", runtime.resolve("bin/java").toString()));
        command.add(runtime.resolve("lib/server/libjvm.so").toString());
        try (Stream<Path> libraries = Files.list(runtime.resolve("lib"))) {
            libraries.filter(path -> path.toString().endsWith(".so")).forEach(path -> command.add(path.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<Path> found = new TreeSet<>();
        for (String line : run(command).split("\n")) {
            String[] words = line.strip().split("\\s+");
            // "libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...)" or "/lib64/ld-linux-x86-64.so.2 (0x...)"
            String path = words.length >= 3 && words[1].equals("=>") ? words[2] : words[0];
            if (path.startsWith("/")
                    && C_LIBRARY.contains(Path.of(path).getFileName().toString())) {
                found.add(Path.of(path));
            }
        }
        if (found.stream().noneMatch(path -> path.getFileName().toString().equals("libc.so.6"))) {
            throw new IllegalStateException("ldd found no libc.so.6 for " + runtime + ": " + found);
        }
        return List.copyOf(found);
    }

    private static String run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(command.get(0) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
