package io.gipc;

/**
 * The handle was closed here, or handed to a child process, and can no longer be used in this process.
 *
 * <p>Thrown from any thread that calls the failing operation; the message names the pipe or process involved.
 */
public class GipcClosedException extends GipcException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the pipe or process and what to do
     */
    public GipcClosedException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, naming the pipe or process and what to do
     * @param cause the underlying failure
     */
    public GipcClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
