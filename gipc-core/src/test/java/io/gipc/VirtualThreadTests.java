package io.gipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Blocking calls park virtual threads and never pin their carriers. */
class VirtualThreadTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    final LauncherExtension ext = new LauncherExtension();

    /**
     * Runs in a child JVM with two carrier threads: if a blocked {@code get()} pinned its carrier, the third
     * waiting thread would starve and the releases could never run.
     */
    @Test
    void aThousandVirtualThreadsBlockedInGetOnTwoCarriersAreAllReleasedCorrectly() {
        ProcessLauncher launcher = ext.launcher();
        Pipe<String> verdict = launcher.pipe();
        var w = verdict.writer();
        GipcProcess child = launcher.start(
                () -> w.put(thousandBlockedReaders()),
                ChildOptions.named("vthreads")
                        .withJvmArguments(
                                "-Djdk.virtualThreadScheduler.parallelism=2",
                                "-Djdk.virtualThreadScheduler.maxPoolSize=2"));
        assertThat(verdict.reader().get(WAIT)).isEqualTo("ok 1000");
        assertThat(child.join(WAIT)).isTrue();
        assertThat(child.exitCode()).hasValue(0);
    }

    static String thousandBlockedReaders() throws Exception {
        int n = 1000;
        List<Pipe<Integer>> pipes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pipes.add(Gipc.pipe());
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> got = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                PipeReader<Integer> r = pipes.get(i).reader();
                got.add(pool.submit(() -> r.get()));
            }
            Thread releaser = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < n; i++) {
                    pipes.get(i).writer().put(i);
                }
            });
            int correct = 0;
            for (int i = 0; i < n; i++) {
                if (got.get(i).get(60, TimeUnit.SECONDS) == i) {
                    correct++;
                }
            }
            releaser.join();
            return "ok " + correct;
        }
    }

    @Test
    void joinAndPutParkVirtualThreads() throws Exception {
        ProcessLauncher launcher = ext.launcher();
        Pipe<String> p = launcher.pipe();
        var r = p.reader();
        GipcProcess child = launcher.start(() -> r.get());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> joiners = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                joiners.add(pool.submit(() -> child.join()));
            }
            p.writer().put("go");
            for (Future<?> f : joiners) {
                f.get(60, TimeUnit.SECONDS);
            }
        }
        assertThat(child.exitCode()).hasValue(0);
    }
}
