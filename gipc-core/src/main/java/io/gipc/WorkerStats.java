package io.gipc;

/**
 * One live worker of a {@link WorkerPool}, as {@link WorkerPoolStats#workers()} shows it.
 *
 * @param name the worker's name ({@code <pool>-worker-<n>}; a replacement gets the next number)
 * @param pid the worker JVM's pid
 * @param busy whether it runs a task (or a batch of {@code map}) now
 * @param tasks the tasks it has run so far, the running one included (a batch of {@code map} counts as one)
 */
public record WorkerStats(String name, long pid, boolean busy, long tasks) {}
