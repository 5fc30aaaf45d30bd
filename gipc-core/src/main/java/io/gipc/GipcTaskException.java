package io.gipc;

/**
 * A pool task threw: {@link #getCause()} is the task's exception, whole (class, message, cause chain, suppressed
 * exceptions and stack trace), or a {@link GipcRemoteException} standing in for it when its class is missing here.
 *
 * <p>The message names the pool, the task and the worker it ran in.
 */
public class GipcTaskException extends GipcException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the pool, task and worker
     * @param cause the task's exception
     */
    public GipcTaskException(String message, Throwable cause) {
        super(message, cause);
    }
}
