package flock.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import flock.testkit.CassandraServer;
import flock.testkit.FlockStack;
import flock.testkit.ProjectLayout;
import flock.testkit.S3Server;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The web client in a real browser: Debian's headless Chromium, driven by playwright-core from npm (both installed by
 * {@code infra/browser/browser.sh}), against a real stack with Cassandra and the S3 server. The flows themselves are in
 * {@code src/test/web/flows.mjs}; it saves screenshots at desktop and phone width in
 * {@code target/web-screenshots}.
 */
class WebClientIT {
    private static final Path WEB_TESTS = ProjectLayout.root().resolve("system-tests/src/test/web");
    private static final Path SCREENSHOTS = Path.of("target", "web-screenshots").toAbsolutePath();

    @AutoClose
    private FlockStack stack;

    @Test
    void should_serve_a_web_client_people_can_use_in_a_real_browser() throws Exception {
        String chromium = install();
        stack = new FlockStack(CassandraServer.shared(), "web").withObjectStore(S3Server.shared());
        stack.start(1);

        Path log = ProjectLayout.scratch("web").resolve("flows.log");
        Process flows = new ProcessBuilder("node", "flows.mjs", stack.apiUri().toString(), SCREENSHOTS.toString())
                .directory(WEB_TESTS.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = flows.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            flows.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println("WebClientIT, the browser's steps (Chromium " + chromium + "):\n" + output);

        assertThat(finished).as("the browser flows finished within 5 minutes").isTrue();
        assertThat(flows.exitValue())
                .as("the browser flows' exit status; their output:\n%s", output)
                .isZero();
        assertThat(output).contains("web client tests passed").doesNotContain("FAIL");
        for (String shot : List.of("home-desktop.png", "home-phone.png", "profile-phone.png", "thread-desktop.png")) {
            assertThat(SCREENSHOTS.resolve(shot)).as("screenshot " + shot).isNotEmptyFile();
        }
    }

    /** Installs what is missing (Chromium, playwright-core) and answers the Chromium's version. */
    private static String install() throws IOException, InterruptedException {
        Process install = new ProcessBuilder(
                        ProjectLayout.root().resolve("infra/browser/browser.sh").toString(), "install")
                .redirectErrorStream(true)
                .start();
        String output = new String(install.getInputStream().readAllBytes());
        assertThat(install.waitFor(10, TimeUnit.MINUTES))
                .as("browser.sh install finished")
                .isTrue();
        assertThat(install.exitValue()).as("browser.sh install: %s", output).isZero();
        Process version = new ProcessBuilder("chromium", "--version")
                .redirectErrorStream(true)
                .start();
        String printed = new String(version.getInputStream().readAllBytes()).strip();
        version.waitFor(1, TimeUnit.MINUTES);
        return printed;
    }
}
