package io.gipc.benchmarks.scenario;

import io.gipc.ChildCallable;
import io.gipc.ProcessLauncher;
import io.gipc.WorkerPool;
import io.gipc.WorkerPoolOptions;
import io.gipc.benchmarks.Samples;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The worker pool of the pool figures, sized like the ProcessPoolExecutor it is compared with. */
final class Pools {

    /** Workers of our pool and {@code max_workers} of Python's. */
    static final int WORKERS = 2;

    static final long TASK_TIMEOUT_SECONDS = 60;

    private Pools() {}

    /**
     * Creates the pool and runs {@code 4 x WORKERS} trivial tasks at once, so that every worker is up and has run
     * a task before anything is timed (the Python side does the same).
     */
    static WorkerPool warm(ProcessLauncher launcher, Samples out) throws Exception {
        out.parameter("workers", WORKERS);
        WorkerPool pool = launcher.workerPool(WorkerPoolOptions.of(WORKERS));
        try {
            List<CompletableFuture<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < 4 * WORKERS; i++) {
                futures.add(pool.submit(one()));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                    .get(TASK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return pool;
        } catch (Exception | Error e) {
            pool.closeNow();
            throw e;
        }
    }

    /** The run of {@code ppe_pool.py} in one mode with as many workers as ours. */
    static PythonCall processPool(String mode) {
        return PythonCall.processPool("ppe_pool.py").with("--mode", mode).with("--workers", WORKERS);
    }

    /** The trivial task: returns 1. */
    static ChildCallable<Integer> one() {
        return () -> 1;
    }
}
