package io.gipc;

/**
 * {@code close()} was called while another thread was inside {@code get()} or {@code put()} on the same handle; the handle stays open.
 *
 * <p>Thrown from any thread that calls the failing operation; the message names the pipe or process involved.
 */
public class GipcLockedException extends GipcException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the pipe or process and what to do
     */
    public GipcLockedException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, naming the pipe or process and what to do
     * @param cause the underlying failure
     */
    public GipcLockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
