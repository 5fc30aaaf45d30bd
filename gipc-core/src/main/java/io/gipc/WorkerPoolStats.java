package io.gipc;

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
        boolean closed) {

    /** Copies the map. */
    public WorkerPoolStats {
        completed = Map.copyOf(completed);
    }
}
