package io.gipc;

import java.time.Duration;

/**
 * Told about the children and pipes of a {@link ProcessLauncher}, for metrics and logging. Set one with
 * {@link LauncherConfig#withListener(LauncherListener)}.
 *
 * <p>Methods are called on the launcher's internal threads; they must return quickly and not throw (an exception
 * is logged and ignored).
 */
public interface LauncherListener {

    /**
     * A child has taken over its handles and is about to run its task.
     *
     * @param process the child
     * @param startLatency from the call to {@code start()} until the child reported that it runs the task
     */
    default void childStarted(GipcProcess process, Duration startLatency) {}

    /**
     * A child's exit code is known.
     *
     * @param process the child; {@link GipcProcess#exitCode()} is present
     */
    default void childExited(GipcProcess process) {}

    /**
     * A child could not start (it exited before running its task, or could not be spawned).
     *
     * @param name the child's name
     * @param failure what went wrong
     */
    default void childFailedToStart(String name, GipcException failure) {}

    /**
     * A pipe was created (simplex or duplex, named or not). Called on the creating thread, before the pipe is
     * returned.
     *
     * @param pipe the pipe's name and live counters; keep it to read them later
     */
    default void pipeCreated(PipeTraffic pipe) {}

    /**
     * No end of a pipe is usable in this process any more (every end held here was closed or moved to a child).
     * Told once per pipe, when the launcher notices: at the latest the next time {@link ProcessLauncher#pipeStats()}
     * is called, so possibly long after the last end closed. A listener that needs to know sooner reads
     * {@link PipeTraffic#isOpen()}.
     *
     * @param pipe the pipe, as given to {@link #pipeCreated(PipeTraffic)}; its counters no longer change
     */
    default void pipeClosed(PipeTraffic pipe) {}

    /**
     * A worker pool was created and its workers started.
     *
     * @param pool the pool; keep it to read {@link WorkerPool#stats()} later
     */
    default void poolCreated(WorkerPool pool) {}

    /**
     * A pool task (or a batch of {@code map}) ended. Called on the pool's dispatcher thread, or on the thread that
     * cancelled a queued task.
     *
     * @param pool the pool
     * @param outcome how it ended
     * @param duration from the dispatch to the worker until its end ({@code 0} for a task cancelled in the queue)
     */
    default void poolTaskFinished(WorkerPool pool, TaskOutcome outcome, Duration duration) {}

    /**
     * A worker pool closed: its workers have exited.
     *
     * @param pool the pool
     */
    default void poolClosed(WorkerPool pool) {}
}
