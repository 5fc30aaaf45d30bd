package io.gipc.autoconfigure;

import io.gipc.TaskOutcome;
import io.gipc.WorkerPool;
import io.gipc.WorkerPoolStats;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A worker pool as the Spring integration sees it: the pool, the {@code @ChildProcess} entry point it runs when it
 * was declared under {@code gipc.pools}, or, for a declared pool none of whose workers could start, why.
 *
 * <p>Immutable; {@link #stats()} reads the live pool.
 */
public final class ManagedPool {

    private final String name;

    private final @Nullable String entryPoint;

    private final int size;

    private final @Nullable WorkerPool pool;

    private final @Nullable String startFailure;

    private ManagedPool(
            String name,
            @Nullable String entryPoint,
            int size,
            @Nullable WorkerPool pool,
            @Nullable String startFailure) {
        this.name = name;
        this.entryPoint = entryPoint;
        this.size = size;
        this.pool = pool;
        this.startFailure = startFailure;
    }

    static ManagedPool of(WorkerPool pool, @Nullable String entryPoint) {
        return new ManagedPool(pool.name(), entryPoint, pool.size(), pool, null);
    }

    static ManagedPool failed(String name, String entryPoint, int size, String failure) {
        return new ManagedPool(name, entryPoint, size, null, failure);
    }

    /**
     * Returns the pool's name.
     *
     * @return the name
     */
    public String name() {
        return this.name;
    }

    /**
     * Tells whether the pool's name was given (in code or as a {@code gipc.pools} key) rather than generated.
     *
     * @return {@code true} for a given name, usable as a metric tag
     */
    public boolean named() {
        return this.pool == null || this.pool.named();
    }

    /**
     * Returns the entry point the pool's workers run.
     *
     * @return the entry point's name, or {@code null} for a pool created in code
     */
    public @Nullable String entryPoint() {
        return this.entryPoint;
    }

    /**
     * Returns the pool.
     *
     * @return the pool, or {@code null} when none of its workers could start
     */
    public @Nullable WorkerPool pool() {
        return this.pool;
    }

    /**
     * Returns the pool's state and counters; for a pool that could not start, no worker and the failure.
     *
     * @return a snapshot
     */
    public WorkerPoolStats stats() {
        return (this.pool != null) ? this.pool.stats() : notStarted(this.name, this.size, this.startFailure, false);
    }

    /** The stats of a pool without workers: nothing alive, nothing run, and why, if it failed. */
    static WorkerPoolStats notStarted(String name, int size, @Nullable String startFailure, boolean closed) {
        Map<TaskOutcome, Long> none = new EnumMap<>(TaskOutcome.class);
        for (TaskOutcome outcome : TaskOutcome.values()) {
            none.put(outcome, 0L);
        }
        return new WorkerPoolStats(name, size, 0, 0, 0, none, 0, startFailure, closed, List.of());
    }

    /**
     * Tells whether the pool cannot keep any worker alive: none is alive and the last start failed.
     *
     * @return {@code true} when the pool cannot run a task now
     */
    public boolean isFailing() {
        WorkerPoolStats stats = stats();
        return !stats.closed() && stats.alive() == 0 && stats.lastStartFailure() != null;
    }
}
