package io.gipc.benchmarks.python;

/**
 * A Python side cannot be measured on this machine (no {@code --gipc}, no interpreter that can import gevent, no
 * Python 3 at all). The suite reports the figure as "not measured" with this message; it is not a failure.
 */
public final class PythonUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param reason why the side is not measured
     */
    public PythonUnavailableException(String reason) {
        super(reason);
    }
}
