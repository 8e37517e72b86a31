package flock.benchmarks.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuAccountTest {

    @Test
    void aCompilerThreadsTicksAreItsUserAndSystemTime() {
        String stat = "4242 (C2 CompilerThre) S 4200 4200 0 0 -1 1077936192 12 0 0 0 731 69 0 0 20 0 1 0 500 0 0";

        assertThat(CpuAccount.compilerTicksOf(stat)).isEqualTo(800);
    }

    @Test
    void otherThreadsAreNotCompilersEvenWithParenthesesInTheirNames() {
        assertThat(CpuAccount.compilerTicksOf("4243 (hz.IO.thread-in-0) S 4200 4200 0 0 -1 0 0 0 0 0 5 6 0 0"))
                .isEqualTo(-1);
        assertThat(CpuAccount.compilerTicksOf("4244 (a (C2 CompilerThre)) S 4200 4200 0 0 -1 0 0 0 0 0 5 6 0 0"))
                .isEqualTo(-1);
    }

    @Test
    void thisJvmsCompilerThreadsAreFoundAndTheirUseIsCountedPerRequest() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux's /proc");
        CpuAccount account = new CpuAccount(
                () -> Map.of("this JVM", List.of(ProcessHandle.current().pid())));

        Map<String, Long> before = account.readCompilers();

        assertThat(before).isNotEmpty().allSatisfy((thread, ticks) -> assertThat(ticks)
                .isNotNegative());
        Map<String, Long> after = Map.of(
                before.keySet().iterator().next(), before.values().iterator().next() + 3);
        assertThat(CpuAccount.compilingPerRequest(before, after, 10))
                .as("3 ticks of 10 ms over 10 requests")
                .isEqualTo(3_000);
    }
}
