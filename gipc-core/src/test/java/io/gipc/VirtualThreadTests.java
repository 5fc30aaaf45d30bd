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

    /**
     * Runs in a child JVM with two carrier threads: virtual threads blocked in {@code join()} on a grandchild and in
     * {@code put()} of messages larger than a pipe holds are all parked (WAITING) at once, and the carriers still run
     * the virtual thread that releases them. Had a blocked call pinned its carrier, the releaser could never run.
     */
    @Test
    void joinAndPutParkVirtualThreads() {
        ProcessLauncher launcher = ext.launcher();
        Pipe<String> verdict = launcher.pipe();
        var w = verdict.writer();
        GipcProcess child = launcher.start(
                () -> w.put(blockedJoinersAndPutters()),
                ChildOptions.named("vthreads-join-put")
                        .withJvmArguments(
                                "-Djdk.virtualThreadScheduler.parallelism=2",
                                "-Djdk.virtualThreadScheduler.maxPoolSize=2"));
        assertThat(verdict.reader().get(WAIT)).isEqualTo("ok: 8 joins, 8 puts");
        assertThat(child.join(WAIT)).isTrue();
        assertThat(child.exitCode()).hasValue(0);
    }

    static String blockedJoinersAndPutters() throws Exception {
        int n = 8;
        Pipe<String> go = Gipc.pipe();
        PipeReader<String> goReader = go.reader();
        GipcProcess grandchild = Gipc.start(() -> goReader.get());
        List<Pipe<byte[]>> pipes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pipes.add(Gipc.pipe(Codec.raw()));
        }
        byte[] larger = new byte[8 << 20]; // more than a pipe holds: put() blocks until a get() takes it
        List<Thread> blocked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            blocked.add(Thread.ofVirtual().name("joiner-" + i).start(grandchild::join));
            PipeWriter<byte[]> writer = pipes.get(i).writer();
            blocked.add(Thread.ofVirtual().name("putter-" + i).start(() -> writer.put(larger)));
        }
        for (Thread t : blocked) {
            Await.until(WAIT, () -> t.getState() == Thread.State.WAITING, t.getName() + " parked");
        }
        Thread releaser = Thread.ofVirtual().start(() -> {
            for (Pipe<byte[]> pipe : pipes) {
                pipe.reader().get();
            }
            go.writer().put("go");
        });
        if (!releaser.join(WAIT)) {
            return "the releasing virtual thread never ran: blocked calls pinned the carriers";
        }
        for (Thread t : blocked) {
            if (!t.join(WAIT)) {
                return t.getName() + " never returned";
            }
        }
        return grandchild.exitCode().isPresent() ? "ok: " + n + " joins, " + n + " puts" : "grandchild still running";
    }
}
