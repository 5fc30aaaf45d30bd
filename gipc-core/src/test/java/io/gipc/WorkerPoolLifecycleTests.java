package io.gipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Worker pools: close, closeNow, the launcher's close, bad options (SPEC §4, Worker pools). */
class WorkerPoolLifecycleTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final LauncherExtension ext = new LauncherExtension();

    @Test
    void closeLetsQueuedAndRunningTasksFinishThenWorkersExit() throws Exception {
        WorkerPool pool = ext.launcher().workerPool(WorkerPoolOptions.of(1).named("closing"));
        Pipe<String> gate = ext.launcher().pipe();
        PipeReader<String> r = gate.reader();
        CompletableFuture<String> running = pool.submit(r::get);
        CompletableFuture<Integer> queued = pool.submit(() -> 2);
        GipcProcess worker = pool.workers().get(0);
        Await.until(WAIT, () -> pool.stats().busy() == 1, "the first task runs");
        Thread closer = Thread.ofVirtual().start(pool::close);
        Await.until(WAIT, () -> pool.stats().closed(), "close() began");
        assertThatThrownBy(() -> pool.submit(() -> 3))
                .isInstanceOf(GipcClosedException.class)
                .hasMessageContaining("pool 'closing'");
        gate.writer().put("go");
        assertThat(closer.join(WAIT)).isTrue();
        assertThat(running.get(1, TimeUnit.SECONDS)).isEqualTo("go");
        assertThat(queued.get(1, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(worker.isAlive()).isFalse();
        assertThat(worker.exitCode()).hasValue(0);
        assertThat(pool.workers()).isEmpty();
        pool.close();
    }

    @Test
    void closeNowKillsWorkersAndCancelsUnfinishedFutures() throws Exception {
        WorkerPool pool = ext.launcher().workerPool(WorkerPoolOptions.of(1));
        CompletableFuture<Object> running = pool.submit(() -> {
            Thread.sleep(60_000);
            return null;
        });
        CompletableFuture<Integer> queued = pool.submit(() -> 2);
        GipcProcess worker = pool.workers().get(0);
        Await.until(WAIT, () -> pool.stats().busy() == 1, "the first task runs");
        pool.closeNow();
        assertThat(worker.isAlive()).isFalse();
        assertThatThrownBy(() -> running.get(1, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> queued.get(1, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> pool.map((Integer x) -> x, List.of(1))).isInstanceOf(GipcClosedException.class);
        pool.closeNow();
        pool.close();
    }

    @Test
    void closingTheLauncherEndsThePoolsWorkers() throws Exception {
        ProcessLauncher launcher = ext.launcher();
        WorkerPool pool = launcher.workerPool(WorkerPoolOptions.of(2));
        List<GipcProcess> workers = pool.workers();
        assertThat(workers).hasSize(2);
        assertThat(launcher.children()).containsAll(workers);
        launcher.close();
        for (GipcProcess w : workers) {
            assertThat(w.join(WAIT)).isTrue();
        }
        assertThatThrownBy(() -> pool.submit(() -> 1)).isInstanceOf(GipcClosedException.class);
    }

    @Test
    void aPoolWhoseWorkersCannotStartFailsNamingWhy() {
        ProcessLauncher launcher = ext.launcher();
        assertThatThrownBy(() -> launcher.workerPool(WorkerPoolOptions.of(1)
                        .named("broken")
                        .withChildOptions(ChildOptions.defaults().withJvmArguments("-XX:+NoSuchOption"))))
                .isInstanceOf(GipcException.class)
                .hasMessageContaining("pool 'broken'")
                .hasMessageContaining("broken-worker-1");
        assertThat(launcher.children()).isEmpty();
    }

    @Test
    void optionsRefuseNonsense() {
        assertThatThrownBy(() -> WorkerPoolOptions.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkerPoolOptions.of(1).withMaxTasksPerWorker(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkerPoolOptions.of(1).withTaskTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
