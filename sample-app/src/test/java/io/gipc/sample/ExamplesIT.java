package io.gipc.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs gipc's three examples through the built jar, as the README tells a user to. */
class ExamplesIT {

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

    @Test
    void example1PrintsEveryMessageInTheChildAndExitsCleanly() throws Exception {
        try (SampleJarProcess app = SampleJarProcess.start("example1", "--messages", "3")) {
            assertThat(app.awaitExit(RUN_TIMEOUT)).as(app.output()).isZero();
            assertThat(app.output())
                    .containsOnlyOnce("Child process got message from pipe: 'message 1,")
                    .containsOnlyOnce("Child process got message from pipe: 'message 2,")
                    .containsOnlyOnce("Child process got message from pipe: 'message 3,")
                    .doesNotContain("message 4,")
                    .contains("Writer stopped after 3 message(s).")
                    .contains("Child 'reader' joined, exit code 0.");
        }
    }

    @Test
    void example1StopsTheWriterAndTerminatesTheChildOnCtrlC() throws Exception {
        try (SampleJarProcess app = SampleJarProcess.start("example1")) {
            app.awaitLine(
                    "message printed by the child",
                    line -> line.startsWith("Child process got message from pipe"),
                    RUN_TIMEOUT);
            app.interrupt();
            assertThat(app.awaitExit(RUN_TIMEOUT)).as(app.output()).isZero();
            assertThat(app.output())
                    .contains("Ctrl-C: stopping the writer and terminating the child.")
                    .containsPattern("Writer stopped after \\d+ message\\(s\\)\\.")
                    .contains("Child 'reader' joined, exit code -15.");
        }
    }

    @Test
    void example2ServesAThousandClientsRunningInAChild() throws Exception {
        try (SampleJarProcess app = SampleJarProcess.start("example2", "--clients", "1000")) {
            assertThat(app.awaitExit(RUN_TIMEOUT)).as(app.output()).isZero();
            assertThat(app.output())
                    .containsPattern(
                            Pattern.compile("^1000 clients served within \\d+\\.\\d{2} s\\.$", Pattern.MULTILINE));
        }
    }

    @Test
    void example3SynchronisesWithTheChildOverADuplexPipe() throws Exception {
        try (SampleJarProcess app = SampleJarProcess.start("example3")) {
            assertThat(app.awaitExit(RUN_TIMEOUT)).as(app.output()).isZero();
            assertThat(app.output())
                    .containsPattern(Pattern.compile("^Time delta: \\d+\\.\\d{8} s\\.$", Pattern.MULTILINE))
                    .as("the examples start no render pool: no worker JVM started the application")
                    .doesNotContain(":: Spring Boot ::");
        }
    }

    @Test
    void wrongExampleOptionsAreRefusedWithUsage() throws Exception {
        try (SampleJarProcess app = SampleJarProcess.start("example2", "--clients", "many")) {
            assertThat(app.awaitExit(RUN_TIMEOUT)).isEqualTo(2);
            assertThat(app.output())
                    .contains("example2: --clients needs a number, got 'many'")
                    .contains("usage: java -jar gipc-sample-app.jar");
        }
    }
}
