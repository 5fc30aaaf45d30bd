package io.gipc;

/** How a {@link WorkerPool} task ended, as metrics count it. */
public enum TaskOutcome {
    /** The task returned a value. */
    SUCCESS,
    /** The task threw, or its task or result could not be transferred. */
    FAILURE,
    /** The task ran past the pool's task timeout; its worker was killed. */
    TIMEOUT,
    /** The worker died while running the task. */
    DIED,
    /** The task was cancelled, or the pool was closed with {@link WorkerPool#closeNow()}. */
    CANCELLED
}
