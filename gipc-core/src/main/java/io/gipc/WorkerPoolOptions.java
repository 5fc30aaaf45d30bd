package io.gipc;

import java.time.Duration;
import java.util.Objects;

/**
 * How to build a {@link WorkerPool}. Immutable; every {@code with...} method returns a copy.
 *
 * @param workers how many worker JVMs the pool keeps (at least 1)
 * @param name the pool's name, or {@code null} for a generated one
 * @param maxTasksPerWorker after how many tasks a worker exits and is replaced; {@code 0} for never
 * @param taskTimeout how long a task may run before it fails and its worker is killed; {@code null} for no limit
 * @param childOptions how workers are started (JVM arguments, environment, output); their names come from the
 *     pool
 * @param warmUp a task each new worker runs before its first task (for example to load what tasks need), or
 *     {@code null}
 */
public record WorkerPoolOptions(
        int workers,
        String name,
        int maxTasksPerWorker,
        Duration taskTimeout,
        ChildOptions childOptions,
        ChildCallable<?> warmUp) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException when a component is invalid
     */
    public WorkerPoolOptions {
        if (workers < 1) {
            throw new IllegalArgumentException("a worker pool needs at least 1 worker, was " + workers);
        }
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException("pool name must not be blank");
        }
        if (maxTasksPerWorker < 0) {
            throw new IllegalArgumentException(
                    "maxTasksPerWorker must be 0 (never) or positive, was " + maxTasksPerWorker);
        }
        if (taskTimeout != null && (taskTimeout.isNegative() || taskTimeout.isZero())) {
            throw new IllegalArgumentException("taskTimeout must be positive, was " + taskTimeout);
        }
        Objects.requireNonNull(childOptions, "childOptions");
    }

    /**
     * Returns options for a pool of {@code workers} workers, with no task limit, no timeout and default child
     * options.
     *
     * @param workers how many workers
     * @return the options
     */
    public static WorkerPoolOptions of(int workers) {
        return new WorkerPoolOptions(workers, null, 0, null, ChildOptions.defaults(), null);
    }

    /**
     * Returns a copy with a name.
     *
     * @param newName the pool's name
     * @return the copy
     */
    public WorkerPoolOptions named(String newName) {
        return new WorkerPoolOptions(
                workers, Objects.requireNonNull(newName, "name"), maxTasksPerWorker, taskTimeout, childOptions, warmUp);
    }

    /**
     * Returns a copy whose workers exit after {@code tasks} tasks and are replaced.
     *
     * @param tasks the number of tasks, {@code 0} for never
     * @return the copy
     */
    public WorkerPoolOptions withMaxTasksPerWorker(int tasks) {
        return new WorkerPoolOptions(workers, name, tasks, taskTimeout, childOptions, warmUp);
    }

    /**
     * Returns a copy with a task timeout.
     *
     * @param timeout how long a task may run, or {@code null} for no limit
     * @return the copy
     */
    public WorkerPoolOptions withTaskTimeout(Duration timeout) {
        return new WorkerPoolOptions(workers, name, maxTasksPerWorker, timeout, childOptions, warmUp);
    }

    /**
     * Returns a copy whose workers start with these options (their names still come from the pool).
     *
     * @param options the options
     * @return the copy
     */
    public WorkerPoolOptions withChildOptions(ChildOptions options) {
        return new WorkerPoolOptions(workers, name, maxTasksPerWorker, taskTimeout, options, warmUp);
    }

    /**
     * Returns a copy whose new workers run {@code task} before their first task; a worker whose warm-up throws is
     * discarded and counts as a failed start.
     *
     * @param task the warm-up, or {@code null} for none
     * @return the copy
     */
    public WorkerPoolOptions withWarmUp(ChildCallable<?> task) {
        return new WorkerPoolOptions(workers, name, maxTasksPerWorker, taskTimeout, childOptions, task);
    }
}
