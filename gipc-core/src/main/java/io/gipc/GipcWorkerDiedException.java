package io.gipc;

import java.util.OptionalInt;

/**
 * The worker JVM running a pool task exited before the task finished (killed, {@code System.exit},
 * {@code Runtime.halt}, out of memory). Only that task fails; the pool replaces the worker and never runs the task
 * again on its own.
 */
public class GipcWorkerDiedException extends GipcException {
    private static final long serialVersionUID = 1L;

    private final Integer exitCode;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the pool, task and worker
     * @param exitCode the worker's exit code (as {@link GipcProcess#exitCode()}), empty when it was not known in
     *     time
     */
    public GipcWorkerDiedException(String message, OptionalInt exitCode) {
        super(message);
        this.exitCode = exitCode.isPresent() ? exitCode.getAsInt() : null;
    }

    /**
     * Returns the worker's exit code.
     *
     * @return {@code -N} when a signal {@code N} ended it, the status it exited with otherwise; empty when unknown
     */
    public OptionalInt exitCode() {
        return exitCode == null ? OptionalInt.empty() : OptionalInt.of(exitCode);
    }
}
