package io.gipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Worker pools: results, exceptions, reuse, queueing, recycling, moved handles (SPEC §4, Worker pools). */
class WorkerPoolTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final LauncherExtension ext = new LauncherExtension();

    @TempDir
    Path tmp;

    private WorkerPool pool(WorkerPoolOptions options) {
        return ext.launcher().workerPool(options);
    }

    private static <R> R result(CompletableFuture<R> f) throws Exception {
        return f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static long pid() {
        return ProcessHandle.current().pid();
    }

    @Test
    void aTaskValueCompletesItsFutureNullIncluded() throws Exception {
        WorkerPool pool = pool(WorkerPoolOptions.of(1).named("values"));
        assertThat(result(pool.submit((ChildCallable<Object>) () -> List.of("a", 1, 2.5))))
                .isEqualTo(List.of("a", 1, 2.5));
        assertThat(result(pool.submit((ChildCallable<Object>) () -> null))).isNull();
        assertThat(pool.name()).isEqualTo("values");
        assertThat(pool.size()).isEqualTo(1);
    }

    @Test
    void aTaskExceptionComesBackWholeAsTheCauseOfGipcTaskException() {
        WorkerPool pool = pool(WorkerPoolOptions.of(1).named("throws"));
        CompletableFuture<Object> f = pool.submit(() -> {
            throw new IllegalStateException("boom", new IOException("disk full"));
        });
        assertThatThrownBy(() -> result(f))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(GipcTaskException.class)
                .hasMessageContaining("pool 'throws'")
                .hasMessageContaining("task 1")
                .satisfies(e -> {
                    Throwable cause = e.getCause();
                    assertThat(cause).isInstanceOf(IllegalStateException.class).hasMessage("boom");
                    assertThat(cause.getCause()).isInstanceOf(IOException.class).hasMessage("disk full");
                    assertThat(cause.getStackTrace())
                            .anySatisfy(
                                    frame -> assertThat(frame.getClassName()).contains("WorkerPoolTests"));
                });
    }

    @Test
    void warmWorkersRunTaskAfterTaskInTheSameJvm() throws Exception {
        WorkerPool pool = pool(WorkerPoolOptions.of(1));
        long worker = pool.workers().get(0).pid();
        for (int i = 0; i < 5; i++) {
            assertThat(result(pool.submit(WorkerPoolTests::pid))).isEqualTo(worker);
        }
        assertThat(worker).isNotEqualTo(pid());
    }

    @Test
    void tasksQueueWhileEveryWorkerIsBusy() throws Exception {
        WorkerPool pool = pool(WorkerPoolOptions.of(1));
        Pipe<String> gate = ext.launcher().pipe();
        PipeReader<String> r = gate.reader();
        CompletableFuture<String> first = pool.submit(r::get);
        CompletableFuture<Integer> second = pool.submit(() -> 2);
        Await.until(WAIT, () -> pool.stats().busy() == 1 && pool.stats().queued() == 1, "one busy, one queued");
        assertThat(second).isNotDone();
        gate.writer().put("go");
        assertThat(result(first)).isEqualTo("go");
        assertThat(result(second)).isEqualTo(2);
    }

    @Test
    void statsListEachLiveWorkerWithItsPidWhetherItIsBusyAndItsTasks() throws Exception {
        WorkerPool pool = pool(WorkerPoolOptions.of(2).named("listed"));
        Pipe<String> gate = ext.launcher().pipe();
        PipeReader<String> r = gate.reader();
        CompletableFuture<Long> held = pool.submit(() -> {
            r.get();
            return pid();
        });
        Await.until(WAIT, () -> pool.stats().busy() == 1, "one worker runs the held task");
        WorkerPoolStats stats = pool.stats();
        assertThat(stats.workers()).hasSize(2).hasSize(stats.alive());
        assertThat(stats.workers())
                .extracting(WorkerStats::pid)
                .containsExactlyInAnyOrderElementsOf(
                        pool.workers().stream().map(GipcProcess::pid).toList());
        assertThat(stats.workers()).extracting(WorkerStats::name).allMatch(n -> n.startsWith("listed-worker-"));
        assertThat(stats.workers())
                .filteredOn(WorkerStats::busy)
                .singleElement()
                .satisfies(w -> assertThat(w.tasks()).isEqualTo(1));
        gate.writer().put("go");
        long ran = result(held);
        Await.until(WAIT, () -> pool.stats().busy() == 0, "the held task ended");
        assertThat(pool.stats().workers())
                .filteredOn(w -> w.pid() == ran)
                .singleElement()
                .satisfies(w -> assertThat(w.busy()).isFalse());
    }

    @Test
    void aPoolIsNamedOnlyWhenItWasGivenAName() {
        WorkerPool given = pool(WorkerPoolOptions.of(1).named("given"));
        WorkerPool generated = pool(WorkerPoolOptions.of(1));
        assertThat(given.named()).isTrue();
        assertThat(generated.named()).isFalse();
        assertThat(generated.name()).matches("pool-\\d+");
        assertThat(generated.stats().workers()).hasSize(1);
    }

    @Test
    void aWorkerKilledDuringATaskFailsOnlyThatTaskAndIsReplaced() throws Exception {
        WorkerPool pool = pool(WorkerPoolOptions.of(1).named("dies"));
        long before = pool.workers().get(0).pid();
        CompletableFuture<Object> dies = pool.submit(() -> {
            // a JVM may not destroy itself: have kill(1) send it SIGKILL
            new ProcessBuilder(
                            "kill", "-9", Long.toString(ProcessHandle.current().pid()))
                    .start()
                    .waitFor();
            Thread.sleep(60_000);
            return null;
        });
        CompletableFuture<Long> after = pool.submit(WorkerPoolTests::pid);
        assertThatThrownBy(() -> result(dies))
                .cause()
                .isInstanceOf(GipcWorkerDiedException.class)
                .hasMessageContaining("pool 'dies'")
                .satisfies(e ->
                        assertThat(((GipcWorkerDiedException) e).exitCode()).hasValue(-9));
        assertThat(result(after)).isNotEqualTo(before);
    }

    @Test
    void systemExitAndHaltInATaskGiveTheirStatus() throws Exception {
        WorkerPool pool = pool(WorkerPoolOptions.of(1));
        CompletableFuture<Object> exit = pool.submit(() -> {
            System.exit(5);
            return null;
        });
        CompletableFuture<Object> halt = pool.submit(() -> {
            Runtime.getRuntime().halt(4);
            return null;
        });
        CompletableFuture<Integer> fine = pool.submit(() -> 1);
        assertThat(diedWith(exit)).isEqualTo(5);
        assertThat(diedWith(halt)).isEqualTo(4);
        assertThat(result(fine)).isEqualTo(1);
    }

    @Test
    void aTaskThatRunsOutOfMemoryEndsItsWorkerWithStatusThree() throws Exception {
        WorkerPool pool = pool(WorkerPoolOptions.of(1)
                .withChildOptions(
                        ChildOptions.defaults().withJvmArguments("-Xmx48m").withError(Redirect.DISCARD)));
        CompletableFuture<Object> oom = pool.submit(() -> {
            List<long[]> hog = new ArrayList<>();
            while (true) {
                hog.add(new long[1 << 20]);
            }
        });
        assertThat(diedWith(oom)).isEqualTo(3);
        assertThat(result(pool.submit(() -> "still here"))).isEqualTo("still here");
    }

    private static int diedWith(CompletableFuture<?> f) {
        try {
            result(f);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(GipcWorkerDiedException.class);
            return ((GipcWorkerDiedException) e.getCause()).exitCode().orElseThrow();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the task did not fail");
    }

    @Test
    void aTaskPastItsTimeoutFailsAndItsWorkerIsReplaced() throws Exception {
        WorkerPool pool = pool(WorkerPoolOptions.of(1).named("slow").withTaskTimeout(Duration.ofMillis(500)));
        long before = pool.workers().get(0).pid();
        CompletableFuture<Object> slow = pool.submit(() -> {
            Thread.sleep(60_000);
            return null;
        });
        assertThatThrownBy(() -> result(slow))
                .cause()
                .isInstanceOf(GipcTimeoutException.class)
                .hasMessageContaining("pool 'slow'")
                .hasMessageContaining("PT0.5S");
        assertThat(result(pool.submit(WorkerPoolTests::pid))).isNotEqualTo(before);
        assertThat(pool.stats().completed()).containsEntry(TaskOutcome.TIMEOUT, 1L);
    }

    @Test
    void cancellingARunningTaskKillsAndReplacesItsWorker() throws Exception {
        WorkerPool pool = pool(WorkerPoolOptions.of(1));
        GipcProcess before = pool.workers().get(0);
        CompletableFuture<Object> slow = pool.submit(() -> {
            Thread.sleep(60_000);
            return null;
        });
        Await.until(WAIT, () -> pool.stats().busy() == 1, "the task runs");
        assertThat(slow.cancel(true)).isTrue();
        assertThat(before.join(WAIT)).isTrue();
        assertThat(before.exitCode()).hasValue(-9);
        assertThat(result(pool.submit(WorkerPoolTests::pid))).isNotEqualTo(before.pid());
    }

    @Test
    void cancellingAQueuedTaskRemovesItSoItNeverRuns() throws Exception {
        WorkerPool pool = pool(WorkerPoolOptions.of(1));
        Pipe<String> gate = ext.launcher().pipe();
        PipeReader<String> r = gate.reader();
        CompletableFuture<String> first = pool.submit(r::get);
        String marker = tmp.resolve("ran").toString();
        CompletableFuture<Object> queued = pool.submit(() -> Files.writeString(Path.of(marker), "ran"));
        assertThat(queued.cancel(true)).isTrue();
        gate.writer().put("go");
        assertThat(result(first)).isEqualTo("go");
        assertThat(result(pool.submit(() -> 3))).isEqualTo(3);
        assertThat(Path.of(marker)).doesNotExist();
        assertThat(pool.stats().completed()).containsEntry(TaskOutcome.CANCELLED, 1L);
    }

    @Test
    void aWorkerExitsAfterMaxTasksAndIsReplaced() throws Exception {
        WorkerPool pool = pool(WorkerPoolOptions.of(1).withMaxTasksPerWorker(2));
        List<Long> pids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            pids.add(result(pool.submit(WorkerPoolTests::pid)));
        }
        assertThat(pids.get(0)).isEqualTo(pids.get(1));
        assertThat(pids.get(2)).isEqualTo(pids.get(3)).isNotEqualTo(pids.get(1));
        assertThat(pids.get(4)).isEqualTo(pids.get(5)).isNotEqualTo(pids.get(3));
        assertThat(pool.stats().workersStarted()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void handlesCapturedByATaskMoveIntoTheWorkerAndCloseWhenTheTaskEnds() throws Exception {
        WorkerPool pool = pool(WorkerPoolOptions.of(1));
        Pipe<String> pipe = ext.launcher().pipe();
        PipeWriter<String> w = pipe.writer();
        CompletableFuture<Long> f = pool.submit(() -> {
            w.put("from the worker");
            return ProcessHandle.current().pid();
        });
        assertThat(result(f)).isEqualTo(pool.workers().get(0).pid());
        assertThat(pipe.reader().get(WAIT)).isEqualTo("from the worker");
        assertThatThrownBy(() -> pipe.reader().get(WAIT)).isInstanceOf(GipcEofException.class);
        assertThatThrownBy(() -> w.put("here")).isInstanceOf(GipcClosedException.class);
        assertThat(pool.workers().get(0).isAlive()).isTrue();
    }

    @Test
    void anUnserializableTaskFailsItsFutureNamingTheClass() throws Exception {
        WorkerPool pool = pool(WorkerPoolOptions.of(1));
        Object notSerializable = new Object();
        CompletableFuture<String> f = pool.submit(() -> notSerializable.toString());
        assertThat(f).isCompletedExceptionally();
        assertThatThrownBy(() -> result(f))
                .cause()
                .isInstanceOf(GipcException.class)
                .hasMessageContaining("java.lang.Object");
        assertThat(result(pool.submit(() -> 1))).isEqualTo(1);
    }

    @Test
    void aResultTheCodecCannotEncodeFailsNamingTheClassAndTheWorkerStaysUsable() throws Exception {
        WorkerPool pool = pool(WorkerPoolOptions.of(1));
        long worker = pool.workers().get(0).pid();
        CompletableFuture<Object> f = pool.submit(() -> new ProcessBuilder("true"));
        assertThatThrownBy(() -> result(f))
                .cause()
                .isInstanceOf(GipcException.class)
                .isNotInstanceOf(GipcTaskException.class)
                .hasMessageContaining("java.lang.ProcessBuilder");
        assertThat(result(pool.submit(WorkerPoolTests::pid))).isEqualTo(worker);
    }

    @Test
    void mapKeepsInputOrder() {
        WorkerPool pool = pool(WorkerPoolOptions.of(2));
        List<Integer> inputs = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            inputs.add(i);
        }
        List<Integer> out = pool.map((Integer x) -> x * 2, inputs);
        assertThat(out).hasSize(20_000);
        for (int i = 0; i < out.size(); i++) {
            assertThat(out.get(i)).isEqualTo(2 * i);
        }
        // batches: far fewer messages than inputs
        long tasks = pool.stats().completed().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        assertThat(tasks).isLessThanOrEqualTo(40);
        assertThat(pool.map((Integer x) -> x, List.of())).isEmpty();
    }

    @Test
    void mapThrowsTheFirstFailureNamingTheInput() {
        WorkerPool pool = pool(WorkerPoolOptions.of(2).named("mapper"));
        List<Integer> inputs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            inputs.add(i);
        }
        assertThatThrownBy(() -> pool.map(
                        (Integer x) -> {
                            if (x == 37) {
                                throw new IllegalArgumentException("bad input " + x);
                            }
                            return x;
                        },
                        inputs))
                .isInstanceOf(GipcTaskException.class)
                .hasMessageContaining("input 37")
                .hasMessageContaining("pool 'mapper'")
                .cause()
                .hasMessage("bad input 37");
        assertThat(pool.map((Integer x) -> x + 1, List.of(1, 2))).containsExactly(2, 3);
    }
}
