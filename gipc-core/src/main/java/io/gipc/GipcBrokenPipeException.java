package io.gipc;

/**
 * {@code put()} found the reading end gone: the message was not delivered.
 *
 * <p>Thrown from any thread that calls the failing operation; the message names the pipe or process involved.
 */
public class GipcBrokenPipeException extends GipcException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the pipe or process and what to do
     */
    public GipcBrokenPipeException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, naming the pipe or process and what to do
     * @param cause the underlying failure
     */
    public GipcBrokenPipeException(String message, Throwable cause) {
        super(message, cause);
    }
}
