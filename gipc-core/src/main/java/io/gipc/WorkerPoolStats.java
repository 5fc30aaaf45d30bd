package io.gipc;

import java.util.List;
import java.util.Map;

/**
 * A snapshot of a {@link WorkerPool}'s state and counters.
 *
 * @param name the pool's name
 * @param size the number of workers the pool keeps
 * @param alive the workers alive now
 * @param busy the workers running a task (or a batch of {@code map}) now
 * @param queued the tasks waiting for a worker
 * @param completed tasks finished so far, by outcome (every outcome present)
 * @param workersStarted workers started so far, replacements included
 * @param lastStartFailure why the last worker start failed, or {@code null} when the last start succeeded
 * @param closed whether {@code close()} or {@code closeNow()} was called
 * @param workers the workers alive now, one by one, in the order of the pool's slots
 */
public record WorkerPoolStats(
        String name,
        int size,
        int alive,
        int busy,
        int queued,
        Map<TaskOutcome, Long> completed,
        long workersStarted,
        String lastStartFailure,
        boolean closed,
        List<WorkerStats> workers) {

    /** Copies the map and the list. */
    public WorkerPoolStats {
        completed = Map.copyOf(completed);
        workers = List.copyOf(workers);
    }

    /**
     * Creates a snapshot without worker details ({@link #workers()} is empty), as before they existed.
     *
     * @param name the pool's name
     * @param size the number of workers the pool keeps
     * @param alive the workers alive now
     * @param busy the workers running a task now
     * @param queued the tasks waiting for a worker
     * @param completed tasks finished so far, by outcome
     * @param workersStarted workers started so far
     * @param lastStartFailure why the last worker start failed, or {@code null}
     * @param closed whether the pool was closed
     */
    public WorkerPoolStats(
            String name,
            int size,
            int alive,
            int busy,
            int queued,
            Map<TaskOutcome, Long> completed,
            long workersStarted,
            String lastStartFailure,
            boolean closed) {
        this(name, size, alive, busy, queued, completed, workersStarted, lastStartFailure, closed, List.of());
    }
}
