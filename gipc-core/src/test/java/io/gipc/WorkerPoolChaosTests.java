package io.gipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Worker pools under fire: while many tasks run, the test SIGKILLs a random worker after every tenth
 * completion. Every future must complete, with its right result or {@link GipcWorkerDiedException}; none is lost
 * and none runs twice (each execution appends its id to a file, one line per execution, with O_APPEND).
 *
 * <p>{@code -Dgipc.chaos.tasks=N} sets the number of tasks (default 1000).
 */
class WorkerPoolChaosTests {

    private static final int TASKS = Integer.getInteger("gipc.chaos.tasks", 1000);
    private static final int KILL_EVERY = 10;

    @RegisterExtension
    final LauncherExtension ext = new LauncherExtension();

    @TempDir
    Path tmp;

    @Test
    void everyTaskCompletesOnceOrDiesWithItsWorkerWhileWorkersAreKilled() throws Exception {
        WorkerPool pool = ext.launcher().workerPool(WorkerPoolOptions.of(4).named("chaos"));
        String log = tmp.resolve("executions.log").toString();
        Random random = new Random(42);
        AtomicInteger done = new AtomicInteger();
        AtomicInteger kills = new AtomicInteger();
        List<CompletableFuture<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            int id = i;
            int work = random.nextInt(4);
            CompletableFuture<Integer> f = pool.submit(() -> {
                Files.writeString(Path.of(log), id + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                if (work > 0) {
                    Thread.sleep(work); // gives the killer a task in the middle of its work to hit
                }
                return id * 2;
            });
            f.whenComplete((v, e) -> {
                if (done.incrementAndGet() % KILL_EVERY == 0) {
                    killOneWorker(pool, random, kills);
                }
            });
            futures.add(f);
        }
        int died = 0;
        List<Integer> succeeded = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            try {
                assertThat(futures.get(i).get(60, TimeUnit.SECONDS)).isEqualTo(i * 2);
                succeeded.add(i);
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(GipcWorkerDiedException.class);
                assertThat(((GipcWorkerDiedException) e.getCause()).exitCode()).hasValue(-9);
                died++;
            }
        }
        Map<Integer, Integer> runs = executions(Path.of(log));
        assertThat(runs.values()).allMatch(n -> n == 1, "no task ran twice");
        for (int id : succeeded) {
            assertThat(runs).containsEntry(id, 1);
        }
        assertThat(kills.get()).isGreaterThanOrEqualTo(TASKS / KILL_EVERY / 2);
        assertThat(died).isGreaterThan(0).isLessThanOrEqualTo(kills.get());
        assertThat(succeeded.size() + died).isEqualTo(TASKS);
        assertThat(pool.stats().completed())
                .containsEntry(TaskOutcome.SUCCESS, (long) succeeded.size())
                .containsEntry(TaskOutcome.DIED, (long) died);
    }

    private static void killOneWorker(WorkerPool pool, Random random, AtomicInteger kills) {
        List<GipcProcess> workers = pool.workers();
        if (!workers.isEmpty()) {
            workers.get(random.nextInt(workers.size())).kill();
            kills.incrementAndGet();
        }
    }

    private static Map<Integer, Integer> executions(Path log) throws Exception {
        Map<Integer, Integer> runs = new HashMap<>();
        if (Files.exists(log)) {
            for (String line : Files.readAllLines(log)) {
                runs.merge(Integer.parseInt(line.trim()), 1, Integer::sum);
            }
        }
        return runs;
    }
}
