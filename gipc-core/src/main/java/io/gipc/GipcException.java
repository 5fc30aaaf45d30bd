package io.gipc;

/**
 * Base of every exception gipc throws: a pipe or process operation failed.
 *
 * <p>Thrown from any thread that calls the failing operation; the message names the pipe or process involved.
 */
public class GipcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the pipe or process and what to do
     */
    public GipcException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, naming the pipe or process and what to do
     * @param cause the underlying failure
     */
    public GipcException(String message, Throwable cause) {
        super(message, cause);
    }
}
