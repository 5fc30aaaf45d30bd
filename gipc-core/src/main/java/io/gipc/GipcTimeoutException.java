package io.gipc;

/**
 * {@code get(timeout)} saw no whole message arrive in time; nothing was consumed.
 *
 * <p>Thrown from any thread that calls the failing operation; the message names the pipe or process involved.
 */
public class GipcTimeoutException extends GipcException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the pipe or process and what to do
     */
    public GipcTimeoutException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, naming the pipe or process and what to do
     * @param cause the underlying failure
     */
    public GipcTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
