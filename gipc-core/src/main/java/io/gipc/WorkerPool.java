package io.gipc;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Warm worker JVMs that run task after task: {@link #submit} returns a future of the task's value, {@link #map}
 * applies a function to many inputs. Create one with {@link ProcessLauncher#workerPool(WorkerPoolOptions)}; its
 * workers are children of that launcher.
 *
 * <p>Threading: every method may be called from any thread. Each worker runs one task (or one batch of
 * {@code map}) at a time; tasks wait in a queue, in submission order, while every worker is busy. Futures are
 * completed on the pool's dispatcher threads: keep dependent actions short or give them an executor.
 *
 * <p>Errors: a task that throws completes its future with {@link GipcTaskException} (cause = the task's exception,
 * whole); a worker that dies during a task fails that task only, with {@link GipcWorkerDiedException}, and is
 * replaced; a task still running at the pool's task timeout fails with {@link GipcTimeoutException} and its worker
 * is killed and replaced; a task or result that cannot be transferred fails with a {@link GipcException} naming
 * its class. A task is never run twice unless the caller submits it again. {@code cancel(true)} on the future of
 * a running task kills and replaces its worker; on a queued task it removes it from the queue.
 *
 * <p>Ownership: the pool owns its workers. {@link #close()} or {@link #closeNow()} ends them; so does closing the
 * launcher, which acts as {@link #closeNow()}.
 */
public interface WorkerPool extends AutoCloseable {

    /**
     * Queues a task. Never blocks on the workers.
     *
     * @param task the task; pipe handles it captures move into the worker that runs it
     * @param <R> the result type
     * @return its future: the value, or one of the exceptions in the type's documentation; a task that cannot be
     *     serialized gives an already failed future whose {@link GipcException} names the class
     * @throws GipcClosedException the pool is closed
     */
    <R> CompletableFuture<R> submit(ChildCallable<R> task);

    /**
     * Applies {@code function} to every input in the workers and returns the results in input order. Blocks until
     * every input is done. Inputs are sent in batches (a batch counts as one task for
     * {@link WorkerPoolOptions#maxTasksPerWorker()} and runs under one task timeout).
     *
     * <p>When an input fails, the batches not yet started are cancelled, the running ones finish, and then the
     * first failure in input order is thrown: {@link GipcTaskException} (the function threw),
     * {@link GipcWorkerDiedException}, {@link GipcTimeoutException} or another {@link GipcException}.
     *
     * @param function the function; it must be serializable, and so must what it captures
     * @param inputs the inputs, each encodable by the pool's codec
     * @param <T> the input type
     * @param <R> the result type
     * @return the results, in input order
     * @throws GipcClosedException the pool is closed
     */
    <T, R> List<R> map(ChildFunction<T, R> function, List<? extends T> inputs);

    /**
     * Returns the pool's name, used in worker names, error messages and metrics.
     *
     * @return the name
     */
    String name();

    /**
     * Tells whether the pool was given its name ({@link WorkerPoolOptions#named(String)}). A pool created without
     * one gets a generated name ({@code pool-1}, {@code pool-2}, ...), unique per pool and so unbounded as a metric
     * tag.
     *
     * @return {@code true} when the name was given; this default returns {@code true}
     */
    default boolean named() {
        return true;
    }

    /**
     * Returns the number of workers the pool keeps.
     *
     * @return the size
     */
    int size();

    /**
     * Lists the workers alive now.
     *
     * @return a snapshot
     */
    List<GipcProcess> workers();

    /**
     * Returns the pool's state and counters.
     *
     * @return a snapshot
     */
    WorkerPoolStats stats();

    /**
     * Refuses new tasks, lets queued and running tasks finish, then lets every worker exit; returns when they have.
     * Idempotent.
     */
    @Override
    void close();

    /**
     * Refuses new tasks, kills every worker and completes every unfinished future exceptionally with a
     * {@link java.util.concurrent.CancellationException}; returns when the workers have exited. Idempotent.
     */
    void closeNow();
}
